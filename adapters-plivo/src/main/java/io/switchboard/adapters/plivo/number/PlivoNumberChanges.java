package io.switchboard.adapters.plivo.number;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;

/**
 * Plivo's number modify: link an application ({@link #withAppId}) or unlink any
 * ({@link #withoutApp}: Plivo's {@code app_id} set to null), move the number to a subaccount, and rename it.
 */
public record PlivoNumberChanges(Optional<String> appId, boolean unlinkApp, Optional<String> subaccount,
        Optional<String> alias) {

    public PlivoNumberChanges {
        appId = PlivoChecks.text(appId, "app_id");
        if (unlinkApp && appId.isPresent()) {
            throw SwitchboardException.invalid("app_id", "cannot both link " + appId.get() + " and unlink");
        }
        subaccount = PlivoChecks.text(subaccount, "subaccount");
        alias = PlivoChecks.text(alias, "alias");
    }

    public static PlivoNumberChanges none() {
        return new PlivoNumberChanges(Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public PlivoNumberChanges withAppId(String value) {
        return new PlivoNumberChanges(Optional.ofNullable(value), false, subaccount, alias);
    }

    public PlivoNumberChanges withoutApp() {
        return new PlivoNumberChanges(Optional.empty(), true, subaccount, alias);
    }

    public PlivoNumberChanges withSubaccount(String subauthId) {
        return new PlivoNumberChanges(appId, unlinkApp, Optional.ofNullable(subauthId), alias);
    }

    public PlivoNumberChanges withAlias(String value) {
        return new PlivoNumberChanges(appId, unlinkApp, subaccount, Optional.ofNullable(value));
    }
}
