package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.CarrierCreated;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/**
 * Incoming carriers: the account's own carriers, whose IP addresses may send calls to Plivo for the numbers added
 * with {@link PlivoNumbers#addCarrierNumbers}.
 */
public final class PlivoCarriers {

    private final PlivoApi api;

    PlivoCarriers(PlivoApi api) {
        this.api = api;
    }

    public Page<PlivoIncomingCarrier> list(PlivoPaging paging) {
        return list(Map.of(), paging);
    }

    /** Carriers whose name is {@code name} or contains it. */
    public Page<PlivoIncomingCarrier> listNamed(String name, PlivoPaging paging) {
        return list(Map.of("name", api.checked(() -> PlivoChecks.text(name, "name"))), paging);
    }

    private Page<PlivoIncomingCarrier> list(Map<String, String> filters, PlivoPaging paging) {
        return api.page(q -> api.service().listCarriers(api.authId(), q), paging, filters,
                d -> PlivoMapper.text(d.carrierId()).isPresent(), d -> PlivoMarketplaceMapper.carrier(d, ""));
    }

    public PlivoIncomingCarrier get(String carrierId) {
        String id = api.id(carrierId, "carrier_id");
        return api.read(api.service().getCarrier(api.authId(), id), dto -> PlivoMarketplaceMapper.carrier(dto, id));
    }

    /** Adds a carrier (name and IP set required) and answers its id. */
    public String add(PlivoCarrierRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(api.checked(request::forAdd));
        CarrierCreated created = api.write(api.service().addCarrier(api.authId(), body));
        return PlivoMapper.text(created.carrierId())
                .orElseThrow(() -> api.http().errors().incomplete(true, "the new carrier's carrier_id"));
    }

    /** Changes a carrier's name, IP set, or both. */
    public void modify(String carrierId, PlivoCarrierRequest request) {
        Checks.required(request, "request");
        String id = api.id(carrierId, "carrier_id");
        var body = PlivoHttp.json(api.checked(request::forModify));
        api.act(api.service().modifyCarrier(api.authId(), id, body));
    }

    /** Removes a carrier; Plivo deletes every number associated with it. */
    public void delete(String carrierId) {
        api.delete(api.service().deleteCarrier(api.authId(), api.id(carrierId, "carrier_id")));
    }
}
