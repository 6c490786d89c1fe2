package io.switchboard.adapters.plivo.endpoint;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * Plivo's endpoint modify: the password and alias (both required by Plivo) and the application
 * attached. {@link #toString()} never shows the password.
 */
public record PlivoEndpointChanges(String password, String alias, Optional<String> appId) {

    public PlivoEndpointChanges {
        if (password == null || password.isBlank()) {
            throw PlivoChecks.invalid("password", "is required");
        }
        alias = PlivoChecks.text(alias, "alias");
        appId = PlivoChecks.text(appId, "app_id");
    }

    public static PlivoEndpointChanges of(String password, String alias) {
        return new PlivoEndpointChanges(password, alias, Optional.empty());
    }

    public PlivoEndpointChanges withAppId(String value) {
        return new PlivoEndpointChanges(password, alias, Optional.ofNullable(value));
    }

    @Override
    public String toString() {
        return "PlivoEndpointChanges[password=***, alias=" + alias + ", appId=" + appId.orElse("-") + "]";
    }
}
