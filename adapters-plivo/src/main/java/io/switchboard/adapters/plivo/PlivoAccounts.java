package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;

/** The account itself: its details (email, credits, address, auto recharge ...) and changes to name, city, address. */
public final class PlivoAccounts {

    private final PlivoApi api;

    PlivoAccounts(PlivoApi api) {
        this.api = api;
    }

    public PlivoAccount get() {
        return api.read(api.service().getAccount(api.authId()), dto -> api.mapper().plivoAccount(dto, api.authId()));
    }

    /** Changes what {@code changes} holds (at least one of name, city, address). */
    public void modify(PlivoAccountChanges changes) {
        Checks.required(changes, "changes");
        var body = PlivoHttp.json(api.checked(changes::wire));
        api.act(api.service().modifyAccount(api.authId(), body));
    }
}
