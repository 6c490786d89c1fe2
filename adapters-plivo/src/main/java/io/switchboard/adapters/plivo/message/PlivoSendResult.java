package io.switchboard.adapters.plivo.message;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.util.Optional;

/**
 * What Plivo did with one destination of a send: accepted it under a message uuid, or reported it invalid.
 *
 * @param failure present exactly when {@code messageUuid} is absent
 */
public record PlivoSendResult(PhoneNumber destination, Optional<String> messageUuid, Optional<Failure> failure) {

    public PlivoSendResult {
        Checks.required(destination, "destination");
        messageUuid = messageUuid == null ? Optional.empty() : messageUuid;
        failure = failure == null ? Optional.empty() : failure;
        if (messageUuid.isPresent() == failure.isPresent()) {
            throw SwitchboardException.invalid("failure", "must be present exactly when there is no message uuid");
        }
    }

    public static PlivoSendResult accepted(PhoneNumber destination, String messageUuid) {
        return new PlivoSendResult(destination, Optional.of(messageUuid), Optional.empty());
    }

    public static PlivoSendResult rejected(PhoneNumber destination, Failure failure) {
        return new PlivoSendResult(destination, Optional.empty(), Optional.of(failure));
    }

    public boolean isAccepted() {
        return messageUuid.isPresent();
    }
}
