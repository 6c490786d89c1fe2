package io.switchboard.adapters.telnyx;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.Optional;

/**
 * A Telnyx account's money, as GET /balance reports it. Amounts keep their sign: a post-paid account can run a
 * negative balance within its credit limit.
 *
 * @param balance the account balance
 * @param creditLimit how far below zero the account may go
 * @param availableCredit what can still be spent (balance plus credit limit)
 * @param pending charges not yet settled
 */
public record TelnyxBalance(AccountId account, Optional<Money> balance, Optional<Money> creditLimit,
        Optional<Money> availableCredit, Optional<Money> pending) {

    public TelnyxBalance {
        Checks.required(account, "account");
        balance = balance == null ? Optional.empty() : balance;
        creditLimit = creditLimit == null ? Optional.empty() : creditLimit;
        availableCredit = availableCredit == null ? Optional.empty() : availableCredit;
        pending = pending == null ? Optional.empty() : pending;
    }
}
