package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.EndpointCreated;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/** SIP endpoints: SIP clients that register with Plivo and call through the application attached to them. */
public final class PlivoEndpoints {

    private final PlivoApi api;

    PlivoEndpoints(PlivoApi api) {
        this.api = api;
    }

    /** Creates an endpoint; the answer holds the SIP username Plivo made of the one asked for. */
    public PlivoEndpointCreated create(PlivoEndpointRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(request.wire());
        EndpointCreated created = api.write(api.service().createEndpoint(api.authId(), body));
        String id = PlivoMapper.text(created.endpointId())
                .orElseThrow(() -> api.http().errors().incomplete(true, "the new endpoint's endpoint_id"));
        return new PlivoEndpointCreated(id, created.username(), created.alias());
    }

    public PlivoEndpoint get(String endpointId) {
        String id = api.id(endpointId, "endpoint_id");
        return api.read(api.service().getEndpoint(api.authId(), id), dto -> PlivoMarketplaceMapper.endpoint(dto, id));
    }

    /** One page of endpoints, with whether each is registered. */
    public Page<PlivoEndpoint> list(PlivoPaging paging) {
        return api.page(q -> api.service().listEndpoints(api.authId(), q), paging, Map.of(),
                d -> PlivoMapper.text(d.endpointId()).isPresent(), d -> PlivoMarketplaceMapper.endpoint(d, ""));
    }

    /** Changes the password, alias and application of an endpoint. */
    public void modify(String endpointId, PlivoEndpointChanges changes) {
        Checks.required(changes, "changes");
        String id = api.id(endpointId, "endpoint_id");
        var body = PlivoHttp.json(changes.wire());
        api.act(api.service().modifyEndpoint(api.authId(), id, body));
    }

    /** Deletes an endpoint; this cannot be undone. */
    public void delete(String endpointId) {
        api.delete(api.service().deleteEndpoint(api.authId(), api.id(endpointId, "endpoint_id")));
    }
}
