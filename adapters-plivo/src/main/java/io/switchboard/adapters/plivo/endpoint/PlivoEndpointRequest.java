package io.switchboard.adapters.plivo.endpoint;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * A new SIP endpoint: username (Plivo appends digits to make the SIP username unique), password, alias (all three
 * required by Plivo) and the application it uses. {@link #toString()} never shows the password.
 */
public record PlivoEndpointRequest(String username, String password, String alias, Optional<String> appId) {

    public PlivoEndpointRequest {
        username = PlivoChecks.text(username, "username");
        if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw PlivoChecks.invalid("username", "must be 1 to 64 letters, digits, '.', '_' or '-', got '" + username
                    + "'");
        }
        if (password == null || password.isBlank()) {
            throw PlivoChecks.invalid("password", "is required");
        }
        alias = PlivoChecks.text(alias, "alias");
        appId = PlivoChecks.text(appId, "app_id");
    }

    public static PlivoEndpointRequest of(String username, String password, String alias) {
        return new PlivoEndpointRequest(username, password, alias, Optional.empty());
    }

    public PlivoEndpointRequest withAppId(String value) {
        return new PlivoEndpointRequest(username, password, alias, Optional.ofNullable(value));
    }

    @Override
    public String toString() {
        return "PlivoEndpointRequest[username=" + username + ", password=***, alias=" + alias + ", appId="
                + appId.orElse("-") + "]";
    }
}
