package io.switchboard.adapters.plivo.subaccount;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * A subaccount's name (Plivo requires it on create and on modify) and whether it is enabled (Plivo's default
 * on create: disabled). {@code PlivoSubaccountSettings.named("Support").enabled(true)}.
 */
public record PlivoSubaccountSettings(String name, Optional<Boolean> enabled) {

    public PlivoSubaccountSettings {
        name = PlivoChecks.text(name, "name");
        enabled = PlivoChecks.orEmpty(enabled);
    }

    public static PlivoSubaccountSettings named(String name) {
        return new PlivoSubaccountSettings(name, Optional.empty());
    }

    public PlivoSubaccountSettings enabled(boolean value) {
        return new PlivoSubaccountSettings(name, Optional.of(value));
    }
}
