package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.message.PlivoSendResult;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.message.Message;

import java.util.List;

/**
 * Messages, as Plivo's API reference lists them (https://www.plivo.com/docs/messaging/api/message): send (source,
 * destinations, text, type, status URL and method, log), list (subaccount, direction, time, error code, limit, offset)
 * and get.
 */
public final class PlivoMessagesApi {

    private final PlivoMessaging messaging;

    PlivoMessagesApi(PlivoMessaging messaging) {
        this.messaging = messaging;
    }

    /**
     * Sends one text to every destination in one request ({@code dst} joined with {@code <}). Plivo answers one uuid
     * per valid destination, in order, and lists the invalid ones; each destination gets its result.
     */
    public List<PlivoSendResult> send(PlivoSmsRequest request) {
        return messaging.send(request);
    }

    /** One page of messages matching {@code filter}. */
    public Page<Message> list(PlivoMessageFilter filter, PlivoPaging paging) {
        Checks.required(paging, "paging");
        return messaging.list(filter, paging.toPageRequest());
    }

    public Message get(String messageUuid) {
        return messaging.get(messageUuid);
    }
}
