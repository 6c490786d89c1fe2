package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Sender;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.pricing.Quote;

import java.util.List;
import java.util.Optional;

/**
 * The result of routing one message or call: a value, not an exception. Every variant lists the attempts made, in
 * order, including accounts skipped without a network call.
 */
public sealed interface Delivery permits Delivery.Sent, Delivery.NotSent, Delivery.OutcomeUnknown {

    List<Attempt> attempts();

    /** The caller's idempotency key, when the request carried one. */
    Optional<String> clientReference();

    /** Attempts that reached a vendor. */
    default long vendorCalls() {
        return attempts().stream().filter(Attempt::calledVendor).count();
    }

    /**
     * Accepted by exactly one account.
     *
     * @param vendorId the vendor's id for the message or call
     * @param quote what the plan expected it to cost there, when the account was priced
     * @param message the vendor's record of a message
     * @param call the vendor's record of a call
     */
    record Sent(
            AccountId account,
            String vendorId,
            Sender from,
            Optional<Quote> quote,
            Optional<Message> message,
            Optional<Call> call,
            List<Attempt> attempts,
            Optional<String> clientReference) implements Delivery {

        public Sent {
            Checks.required(account, "account");
            Checks.notBlank(vendorId, "vendorId");
            Checks.required(from, "from");
            quote = quote == null ? Optional.empty() : quote;
            message = message == null ? Optional.empty() : message;
            call = call == null ? Optional.empty() : call;
            attempts = Checks.listOf(attempts, "attempts");
            clientReference = clientReference == null ? Optional.empty() : clientReference;
        }
    }

    /**
     * Accepted by no account: each attempt says why. {@code failure} is the reason the chain ended (the last
     * failure, or why there was nothing to try).
     */
    record NotSent(Failure failure, List<Attempt> attempts, Optional<String> clientReference) implements Delivery {

        public NotSent {
            Checks.required(failure, "failure");
            attempts = Checks.listOf(attempts, "attempts");
            clientReference = clientReference == null ? Optional.empty() : clientReference;
        }
    }

    /**
     * Possibly accepted: {@code account} timed out after the request was sent (or its adapter failed unexpectedly).
     * Under at-most-once routing stopped there, so no other account has it.
     */
    record OutcomeUnknown(AccountId account, Failure failure, List<Attempt> attempts, Optional<String> clientReference)
            implements Delivery {

        public OutcomeUnknown {
            Checks.required(account, "account");
            Checks.required(failure, "failure");
            attempts = Checks.listOf(attempts, "attempts");
            clientReference = clientReference == null ? Optional.empty() : clientReference;
        }
    }
}
