package io.switchboard.domain.port;

import io.switchboard.domain.account.AccountInfo;

/** The account's own details. */
public interface AccountPort {

    AccountInfo info();
}
