package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountDetails;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.port.AccountPort;

/** Plivo's Account API as the account port; {@link PlivoAccountsApi} answers the same account with Plivo's fields. */
final class PlivoAccount implements AccountPort {

    private final PlivoContext ctx;

    PlivoAccount(PlivoContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public AccountInfo info() {
        return ctx.read(ctx.service().getAccount(ctx.authId()), dto -> ctx.mapper().accountInfo(dto, ctx.authId()));
    }

    /** The account with every field Plivo keeps (email, credits, address, auto recharge ...). */
    PlivoAccountDetails details() {
        return ctx.read(ctx.service().getAccount(ctx.authId()), dto -> ctx.mapper().plivoAccount(dto, ctx.authId()));
    }
}
