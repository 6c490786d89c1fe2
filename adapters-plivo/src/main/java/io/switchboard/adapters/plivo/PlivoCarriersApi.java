package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.CarrierCreated;
import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.carrier.PlivoIncomingCarrier;
import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/**
 * Incoming carriers: the account's own carriers, whose IP addresses may send calls to Plivo for the numbers added
 * with {@link PlivoNumbersApi#addCarrierNumbers}.
 */
public final class PlivoCarriersApi {

    private final PlivoContext ctx;

    PlivoCarriersApi(PlivoContext ctx) {
        this.ctx = ctx;
    }

    public Page<PlivoIncomingCarrier> list(PlivoPaging paging) {
        return list(Map.of(), paging);
    }

    /** Carriers whose name is {@code name} or contains it. */
    public Page<PlivoIncomingCarrier> listNamed(String name, PlivoPaging paging) {
        return list(Map.of("name", ctx.checked(() -> PlivoChecks.text(name, "name"))), paging);
    }

    private Page<PlivoIncomingCarrier> list(Map<String, String> filters, PlivoPaging paging) {
        return ctx.page(q -> ctx.service().listCarriers(ctx.authId(), q), paging, filters,
                d -> PlivoMapper.text(d.carrierId()).isPresent(), d -> PlivoMarketplaceMapper.carrier(d, ""));
    }

    public PlivoIncomingCarrier get(String carrierId) {
        String id = ctx.id(carrierId, "carrier_id");
        return ctx.read(ctx.service().getCarrier(ctx.authId(), id), dto -> PlivoMarketplaceMapper.carrier(dto, id));
    }

    /** Adds a carrier (name and IP set required) and answers its id. */
    public String add(PlivoCarrierRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.carrierToAdd(request)));
        CarrierCreated created = ctx.write(ctx.service().addCarrier(ctx.authId(), body));
        return PlivoMapper.text(created.carrierId())
                .orElseThrow(() -> ctx.http().errors().incomplete(true, "the new carrier's carrier_id"));
    }

    /** Changes a carrier's name, IP set, or both. */
    public void modify(String carrierId, PlivoCarrierRequest request) {
        Checks.required(request, "request");
        String id = ctx.id(carrierId, "carrier_id");
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.carrierToModify(request)));
        ctx.act(ctx.service().modifyCarrier(ctx.authId(), id, body));
    }

    /** Removes a carrier; Plivo deletes every number associated with it. */
    public void delete(String carrierId) {
        ctx.delete(ctx.service().deleteCarrier(ctx.authId(), ctx.id(carrierId, "carrier_id")));
    }
}
