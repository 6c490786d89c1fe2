package io.switchboard.adapters.plivo.subaccount;

import io.switchboard.domain.Checks;

/**
 * What creating a subaccount answers: its auth id and auth token, enough to configure a {@link io.switchboard.adapters.plivo.PlivoConfig} for it.
 * {@link #toString()} never shows the token.
 */
public record PlivoSubaccountCredentials(String authId, String authToken) {

    public PlivoSubaccountCredentials {
        Checks.notBlank(authId, "auth_id");
        Checks.notBlank(authToken, "auth_token");
    }

    @Override
    public String toString() {
        return "PlivoSubaccountCredentials[authId=" + authId + ", authToken=***]";
    }
}
