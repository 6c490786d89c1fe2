package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.List;
import java.util.Optional;

/**
 * Past messages priced again on every account.
 *
 * @param messages one row per message that could be repriced
 * @param totals per account, what those messages would have cost there
 * @param skipped messages that could not be repriced (destination not an E.164 number)
 */
public record Repricing(List<Row> messages, List<BatchComparison.AccountTotal> totals, long skipped) {

    public Repricing {
        messages = Checks.listOf(messages, "messages");
        totals = Checks.listOf(totals, "totals");
    }

    /**
     * One past message: what it was charged where it went (when the vendor reported it) and its quote on every
     * account.
     */
    public record Row(String messageId, AccountId account, Optional<Money> charged, CostTable alternatives) {
        public Row {
            Checks.required(messageId, "messageId");
            Checks.required(account, "account");
            charged = charged == null ? Optional.empty() : charged;
            Checks.required(alternatives, "alternatives");
        }
    }
}
