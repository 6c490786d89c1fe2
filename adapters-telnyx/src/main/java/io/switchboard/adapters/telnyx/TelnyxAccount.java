package io.switchboard.adapters.telnyx;

import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.port.AccountPort;

/**
 * The account's details from GET /balance. Telnyx returns no account id there, so the configured
 * {@link TelnyxConfig#vendorAccountId()} (or the account id itself) is reported as the vendor's id.
 */
final class TelnyxAccount implements AccountPort {

    private final TelnyxConfig config;
    private final TelnyxHttp http;
    private final TelnyxMapper mapper;

    TelnyxAccount(TelnyxConfig config, TelnyxHttp http, TelnyxMapper mapper) {
        this.config = config;
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public AccountInfo info() {
        String vendorId = config.vendorAccountId().orElse(config.account().toString());
        return http.read(TelnyxService::balance, one -> mapper.account(one.data(), vendorId));
    }

    TelnyxBalance balance() {
        return http.read(TelnyxService::balance, one -> mapper.balance(one.data()));
    }
}
