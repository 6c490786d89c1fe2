package io.switchboard.adapters.plivo.subaccount;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.Checks;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A subaccount of the main account, as Plivo describes it. It carries its auth token (Plivo returns it), which
 * {@link #toString()} never shows.
 *
 * @param created the day it was created, when Plivo says
 * @param modified the day it was last changed, when Plivo says
 */
public record PlivoSubaccount(
        String authId,
        String authToken,
        String name,
        boolean enabled,
        Optional<LocalDate> created,
        Optional<LocalDate> modified) {

    public PlivoSubaccount {
        Checks.notBlank(authId, "auth_id");
        authToken = authToken == null ? "" : authToken;
        name = name == null ? "" : name;
        created = PlivoChecks.orEmpty(created);
        modified = PlivoChecks.orEmpty(modified);
    }

    @Override
    public String toString() {
        return "PlivoSubaccount[authId=" + authId + ", authToken=***, name=" + name + ", enabled=" + enabled
                + ", created=" + created.map(Object::toString).orElse("?") + "]";
    }
}
