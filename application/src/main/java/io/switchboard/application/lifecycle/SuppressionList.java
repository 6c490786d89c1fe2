package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Numbers that opted out: every account's sends check it first, so a STOP sent to one provider's number is honoured
 * on all of them. In memory for one instance ({@link InMemorySuppressionList}); a shared store serves a fleet.
 */
public interface SuppressionList {

    /** The entry for {@code number}, when it opted out. */
    Optional<Entry> find(PhoneNumber number);

    /** Adds or refreshes an entry. */
    void add(Entry entry);

    /** Removes the number (it opted in again); false when it was not listed. */
    boolean remove(PhoneNumber number);

    /** Every entry, oldest first. */
    List<Entry> all();

    /**
     * One opted-out number.
     *
     * @param account the account the opt-out came through
     * @param reason what put it here ({@code inbound STOP}, a vendor's opted-out error code)
     */
    record Entry(PhoneNumber number, AccountId account, String reason, Instant since) {
        public Entry {
            Checks.required(number, "number");
            Checks.required(account, "account");
            Checks.notBlank(reason, "reason");
            Checks.required(since, "since");
        }
    }
}
