package io.switchboard.domain.port;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;

/**
 * Sends and reads messages on one account. Failures are raised as
 * {@link io.switchboard.domain.SwitchboardException} with a classified {@link io.switchboard.domain.Failure}.
 */
public interface MessagingPort {

    /** Hands the message to the vendor; the request's sender must already be a number or sender ID, not a pool. */
    Message send(MessageRequest request);

    Message get(String id);

    Page<Message> list(MessageQuery query, PageRequest page);
}
