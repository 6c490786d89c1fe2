package io.switchboard.adapters.plivo.account;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/**
 * Plivo's account modify (https://www.plivo.com/docs/account/api/account): a new name (of the account holder or
 * business), city and address. At least one must be given; {@code PlivoAccountChanges.none().withCity("Austin")}.
 */
public record PlivoAccountChanges(Optional<String> name, Optional<String> city, Optional<String> address) {

    public PlivoAccountChanges {
        name = PlivoChecks.text(name, "name");
        city = PlivoChecks.text(city, "city");
        address = PlivoChecks.text(address, "address");
    }

    public static PlivoAccountChanges none() {
        return new PlivoAccountChanges(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PlivoAccountChanges withName(String value) {
        return new PlivoAccountChanges(Optional.ofNullable(value), city, address);
    }

    public PlivoAccountChanges withCity(String value) {
        return new PlivoAccountChanges(name, Optional.ofNullable(value), address);
    }

    public PlivoAccountChanges withAddress(String value) {
        return new PlivoAccountChanges(name, city, Optional.ofNullable(value));
    }
}
