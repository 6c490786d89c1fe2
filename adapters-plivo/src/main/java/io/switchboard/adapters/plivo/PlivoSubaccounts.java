package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.SubaccountCreated;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/**
 * The main account's subaccounts: accounts of their own (their auth id and token call the API) that segment usage
 * and spend the parent's credit.
 */
public final class PlivoSubaccounts {

    private final PlivoApi api;

    PlivoSubaccounts(PlivoApi api) {
        this.api = api;
    }

    /** Creates a subaccount (disabled unless {@code settings} enables it) and answers its credentials. */
    public PlivoSubaccountCredentials create(PlivoSubaccountSettings settings) {
        Checks.required(settings, "settings");
        var body = PlivoHttp.json(settings.wire());
        SubaccountCreated created = api.write(api.service().createSubaccount(api.authId(), body));
        if (!PlivoPager.present(created.authId()) || !PlivoPager.present(created.authToken())) {
            throw api.http().errors().incomplete(true, "the new subaccount's auth id and token");
        }
        return new PlivoSubaccountCredentials(created.authId(), created.authToken());
    }

    /** Renames a subaccount (the seed requires the name on every change) and enables or disables it. */
    public void modify(String subauthId, PlivoSubaccountSettings settings) {
        Checks.required(settings, "settings");
        String id = api.id(subauthId, "subauth_id");
        var body = PlivoHttp.json(settings.wire());
        api.act(api.service().modifySubaccount(api.authId(), id, body));
    }

    public PlivoSubaccount get(String subauthId) {
        return api.read(api.service().getSubaccount(api.authId(),
                api.id(subauthId, "subauth_id")), PlivoMarketplaceMapper::subaccount);
    }

    /** One page of subaccounts (at most 20 per page, as Plivo allows). */
    public Page<PlivoSubaccount> list(PlivoPaging paging) {
        return api.page(q -> api.service().listSubaccounts(api.authId(), q), paging, Map.of(),
                d -> PlivoPager.present(d.authId()), PlivoMarketplaceMapper::subaccount);
    }

    /**
     * Deletes a subaccount. As the seed describes, Plivo hands the numbers, endpoints and applications linked to it
     * to the main account.
     */
    public void delete(String subauthId) {
        api.delete(api.service().deleteSubaccount(api.authId(), api.id(subauthId, "subauth_id")));
    }
}
