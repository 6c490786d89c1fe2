package io.switchboard.domain.call;

import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.Optional;

/**
 * A call to place.
 *
 * @param to the callee
 * @param from a number or a sender pool (a sender ID cannot place a call)
 * @param instructions what the call does once answered
 * @param statusCallback where the vendor reports call progress
 * @param clientReference the caller's idempotency key
 */
public record CallRequest(
        PhoneNumber to,
        Sender from,
        CallInstructions instructions,
        Optional<URI> statusCallback,
        Optional<String> clientReference) {

    public CallRequest {
        Checks.required(to, "to");
        Checks.required(from, "from");
        Checks.required(instructions, "instructions");
        if (from instanceof SenderId id) {
            throw SwitchboardException.invalid("from", "must be a phone number or sender pool for a call, got sender ID '"
                    + id.value() + "'");
        }
        statusCallback = statusCallback == null ? Optional.empty() : statusCallback;
        clientReference = clientReference == null ? Optional.empty() : clientReference;
        statusCallback.ifPresent(uri -> {
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw SwitchboardException.invalid("statusCallback", "must be an absolute http(s) URL, got "
                        + ErrorText.quote(String.valueOf(uri)));
            }
        });
    }

    public static CallRequest of(PhoneNumber to, Sender from, CallInstructions instructions) {
        return new CallRequest(to, from, instructions, Optional.empty(), Optional.empty());
    }

    public CallRequest withFrom(Sender sender) {
        return new CallRequest(to, sender, instructions, statusCallback, clientReference);
    }

    public CallRequest withStatusCallback(URI url) {
        return new CallRequest(to, from, instructions, Optional.ofNullable(url), clientReference);
    }

    public CallRequest withClientReference(String reference) {
        return new CallRequest(to, from, instructions, statusCallback, Optional.ofNullable(reference));
    }
}
