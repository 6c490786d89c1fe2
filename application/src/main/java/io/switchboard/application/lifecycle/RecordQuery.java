package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * Which delivery records to list; every field empty matches every record.
 *
 * @param outcome the routing outcome
 * @param status the current send's status
 * @param account the current send's account
 * @param country the destination's region code
 * @param createdBefore records created before this instant
 * @param createdAfter records created at or after this instant
 * @param finalStatus true for records whose current send is final, false for those still waiting
 * @param limit the most records returned (1 to 10,000)
 */
public record RecordQuery(
        Optional<DeliveryRecord.Outcome> outcome,
        Optional<MessageStatus> status,
        Optional<AccountId> account,
        Optional<String> country,
        Optional<Instant> createdAfter,
        Optional<Instant> createdBefore,
        Optional<Boolean> finalStatus,
        int limit) {

    public static final int MAX_LIMIT = 10_000;

    public RecordQuery {
        outcome = outcome == null ? Optional.empty() : outcome;
        status = status == null ? Optional.empty() : status;
        account = account == null ? Optional.empty() : account;
        country = country == null ? Optional.empty() : country;
        createdAfter = createdAfter == null ? Optional.empty() : createdAfter;
        createdBefore = createdBefore == null ? Optional.empty() : createdBefore;
        finalStatus = finalStatus == null ? Optional.empty() : finalStatus;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SwitchboardException.invalid("limit", "must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Every record, at most {@code limit}. */
    public static RecordQuery all(int limit) {
        return new RecordQuery(null, null, null, null, null, null, null, limit);
    }

    public RecordQuery withOutcome(DeliveryRecord.Outcome value) {
        return new RecordQuery(Optional.of(Checks.required(value, "outcome")), status, account, country, createdAfter,
                createdBefore, finalStatus, limit);
    }

    public RecordQuery withStatus(MessageStatus value) {
        return new RecordQuery(outcome, Optional.of(Checks.required(value, "status")), account, country, createdAfter,
                createdBefore, finalStatus, limit);
    }

    public RecordQuery withAccount(AccountId value) {
        return new RecordQuery(outcome, status, Optional.of(Checks.required(value, "account")), country, createdAfter,
                createdBefore, finalStatus, limit);
    }

    public RecordQuery withCountry(String value) {
        return new RecordQuery(outcome, status, account, Optional.of(Checks.notBlank(value, "country")), createdAfter,
                createdBefore, finalStatus, limit);
    }

    public RecordQuery createdBefore(Instant value) {
        return new RecordQuery(outcome, status, account, country, createdAfter,
                Optional.of(Checks.required(value, "createdBefore")), finalStatus, limit);
    }

    public RecordQuery createdAfter(Instant value) {
        return new RecordQuery(outcome, status, account, country, Optional.of(Checks.required(value, "createdAfter")),
                createdBefore, finalStatus, limit);
    }

    public RecordQuery finalStatus(boolean value) {
        return new RecordQuery(outcome, status, account, country, createdAfter, createdBefore, Optional.of(value),
                limit);
    }

    /** Whether {@code record} matches. */
    public boolean matches(DeliveryRecord record) {
        return outcome.map(o -> o == record.outcome()).orElse(true)
                && status.map(s -> record.status().map(s::equals).orElse(false)).orElse(true)
                && account.map(a -> record.current().map(c -> c.account().equals(a)).orElse(false)).orElse(true)
                && country.map(c -> c.equals(record.country())).orElse(true)
                && createdAfter.map(t -> !record.createdAt().isBefore(t)).orElse(true)
                && createdBefore.map(t -> record.createdAt().isBefore(t)).orElse(true)
                && finalStatus.map(f -> f == record.isFinal()).orElse(true);
    }
}
