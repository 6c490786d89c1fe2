package io.switchboard.adapters.twilio;

import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.port.AccountPort;

/** The account resource: the configured account or, through the extras, one of its subaccounts. */
final class TwilioAccount implements AccountPort {

    private final TwilioContext ctx;

    TwilioAccount(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public AccountInfo info() {
        return ctx.guard(() -> {
            return info(ctx.accountSid());
        });
    }

    AccountInfo info(String accountSid) {
        String sid = TwilioContext.id(accountSid, "accountSid");
        return ctx.exchange.read(ctx.http.rest.fetchAccount(sid), "get account", ctx.mapper::accountInfo);
    }
}
