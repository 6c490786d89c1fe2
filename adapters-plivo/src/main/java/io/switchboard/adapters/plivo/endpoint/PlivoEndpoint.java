package io.switchboard.adapters.plivo.endpoint;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.util.Optional;

/**
 * A SIP endpoint: its id, SIP username and URI, alias, the application it uses, whether a SIP client has registered
 * with it, and the subaccount it belongs to. Plivo's password hash is not kept.
 */
public record PlivoEndpoint(
        String endpointId,
        String username,
        String alias,
        Optional<String> applicationId,
        Optional<String> sipUri,
        boolean sipRegistered,
        Optional<String> subaccount) {

    public PlivoEndpoint {
        Checks.notBlank(endpointId, "endpoint_id");
        username = username == null ? "" : username;
        alias = alias == null ? "" : alias;
        applicationId = PlivoChecks.orEmpty(applicationId);
        sipUri = PlivoChecks.orEmpty(sipUri);
        subaccount = PlivoChecks.orEmpty(subaccount);
    }
}
