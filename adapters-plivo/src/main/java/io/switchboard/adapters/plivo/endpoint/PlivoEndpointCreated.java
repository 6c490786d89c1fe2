package io.switchboard.adapters.plivo.endpoint;

import io.switchboard.domain.Checks;

/** What creating an endpoint answers: its id, and the SIP username Plivo made of the one asked for. */
public record PlivoEndpointCreated(String endpointId, String username, String alias) {

    public PlivoEndpointCreated {
        Checks.notBlank(endpointId, "endpoint_id");
        username = username == null ? "" : username;
        alias = alias == null ? "" : alias;
    }
}
