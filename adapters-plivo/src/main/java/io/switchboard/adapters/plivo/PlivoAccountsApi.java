package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountChanges;
import io.switchboard.adapters.plivo.account.PlivoAccountDetails;
import io.switchboard.domain.Checks;

/** The account itself: its details (email, credits, address, auto recharge ...) and changes to name, city, address. */
public final class PlivoAccountsApi {

    private final PlivoContext ctx;
    private final PlivoAccount account;

    PlivoAccountsApi(PlivoContext ctx, PlivoAccount account) {
        this.ctx = ctx;
        this.account = account;
    }

    public PlivoAccountDetails get() {
        return account.details();
    }

    /** Changes what {@code changes} holds (at least one of name, city, address). */
    public void modify(PlivoAccountChanges changes) {
        Checks.required(changes, "changes");
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.parameters(changes)));
        ctx.act(ctx.service().modifyAccount(ctx.authId(), body));
    }
}
