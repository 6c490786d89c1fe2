package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.SubaccountCreated;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccount;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountCredentials;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/**
 * The main account's subaccounts: accounts of their own (their auth id and token call the API) that segment usage
 * and spend the parent's credit.
 */
public final class PlivoSubaccountsApi {

    private final PlivoContext ctx;

    PlivoSubaccountsApi(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** Creates a subaccount (disabled unless {@code settings} enables it) and answers its credentials. */
    public PlivoSubaccountCredentials create(PlivoSubaccountSettings settings) {
        Checks.required(settings, "settings");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(settings));
        SubaccountCreated created = ctx.write(ctx.service().createSubaccount(ctx.authId(), body));
        if (!PlivoPager.present(created.authId()) || !PlivoPager.present(created.authToken())) {
            throw ctx.http().errors().incomplete(true, "the new subaccount's auth id and token");
        }
        return new PlivoSubaccountCredentials(created.authId(), created.authToken());
    }

    /** Renames a subaccount (Plivo requires the name on every change) and enables or disables it. */
    public void modify(String subauthId, PlivoSubaccountSettings settings) {
        Checks.required(settings, "settings");
        String id = ctx.id(subauthId, "subauth_id");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(settings));
        ctx.act(ctx.service().modifySubaccount(ctx.authId(), id, body));
    }

    public PlivoSubaccount get(String subauthId) {
        return ctx.read(ctx.service().getSubaccount(ctx.authId(),
                ctx.id(subauthId, "subauth_id")), PlivoMarketplaceMapper::subaccount);
    }

    /** One page of subaccounts (at most 20 per page, as Plivo allows). */
    public Page<PlivoSubaccount> list(PlivoPaging paging) {
        return ctx.page(q -> ctx.service().listSubaccounts(ctx.authId(), q), paging, Map.of(),
                d -> PlivoPager.present(d.authId()), PlivoMarketplaceMapper::subaccount);
    }

    /**
     * Deletes a subaccount. Plivo hands the numbers, endpoints and applications linked to it
     * to the main account.
     */
    public void delete(String subauthId) {
        ctx.delete(ctx.service().deleteSubaccount(ctx.authId(), ctx.id(subauthId, "subauth_id")));
    }
}
