package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.EndpointCreated;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpoint;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointChanges;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointCreated;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/** SIP endpoints: SIP clients that register with Plivo and call through the application attached to them. */
public final class PlivoEndpointsApi {

    private final PlivoContext ctx;

    PlivoEndpointsApi(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** Creates an endpoint; the answer holds the SIP username Plivo made of the one asked for. */
    public PlivoEndpointCreated create(PlivoEndpointRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(request));
        EndpointCreated created = ctx.write(ctx.service().createEndpoint(ctx.authId(), body));
        String id = PlivoMapper.text(created.endpointId())
                .orElseThrow(() -> ctx.http().errors().incomplete(true, "the new endpoint's endpoint_id"));
        return new PlivoEndpointCreated(id, created.username(), created.alias());
    }

    public PlivoEndpoint get(String endpointId) {
        String id = ctx.id(endpointId, "endpoint_id");
        return ctx.read(ctx.service().getEndpoint(ctx.authId(), id), dto -> PlivoMarketplaceMapper.endpoint(dto, id));
    }

    /** One page of endpoints, with whether each is registered. */
    public Page<PlivoEndpoint> list(PlivoPaging paging) {
        return ctx.page(q -> ctx.service().listEndpoints(ctx.authId(), q), paging, Map.of(),
                d -> PlivoMapper.text(d.endpointId()).isPresent(), d -> PlivoMarketplaceMapper.endpoint(d, ""));
    }

    /** Changes the password, alias and application of an endpoint. */
    public void modify(String endpointId, PlivoEndpointChanges changes) {
        Checks.required(changes, "changes");
        String id = ctx.id(endpointId, "endpoint_id");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(changes));
        ctx.act(ctx.service().modifyEndpoint(ctx.authId(), id, body));
    }

    /** Deletes an endpoint; this cannot be undone. */
    public void delete(String endpointId) {
        ctx.delete(ctx.service().deleteEndpoint(ctx.authId(), ctx.id(endpointId, "endpoint_id")));
    }
}
