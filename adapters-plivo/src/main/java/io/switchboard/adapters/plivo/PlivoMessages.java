package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.SendMessageBody;
import io.switchboard.adapters.plivo.PlivoDtos.SendResponse;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.message.Message;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages, as the marketplace seed lists them: send (source, destinations, text, type, status URL and method, log),
 * list (subaccount, direction, time, error code, limit, offset) and get.
 */
public final class PlivoMessages {

    private final PlivoApi api;

    PlivoMessages(PlivoApi api) {
        this.api = api;
    }

    /**
     * Sends one text to every destination in one request ({@code dst} joined with {@code <}). Plivo answers one uuid
     * per valid destination, in order, and lists the invalid ones; each destination gets its result.
     */
    public List<PlivoSendResult> send(PlivoSmsRequest request) {
        Checks.required(request, "request");
        PlivoHttp http = api.http();
        List<String> dst = new ArrayList<>();
        request.destinations().forEach(d -> dst.add(d.e164()));
        List<String> media = request.mediaUrls().isEmpty() ? null
                : request.mediaUrls().stream().map(URI::toString).toList();
        SendMessageBody body = new SendMessageBody(request.src().value(), String.join("<", dst), request.text(),
                request.type(), media,
                request.statusUrl().map(URI::toString).orElse(null), request.statusMethod().orElse(null),
                request.log().orElse(null));
        SendResponse response = http.write(http.service().sendMessage(api.authId(), body));
        List<String> uuids = response.messageUuid() == null ? List.of() : response.messageUuid();
        Set<String> invalid = new HashSet<>();
        if (response.invalidNumber() != null) {
            response.invalidNumber().forEach(n -> invalid.add(PlivoApi.digits(n)));
        }
        if (uuids.isEmpty() && invalid.isEmpty()) {
            throw http.errors().incomplete(true, "'message_uuid' for an accepted send");
        }
        List<PlivoSendResult> results = new ArrayList<>();
        int next = 0;
        for (PhoneNumber destination : request.destinations()) {
            if (invalid.contains(destination.digits())) {
                results.add(PlivoSendResult.rejected(destination, Failure.invalid("dst",
                        "holds " + destination + ", which Plivo reported invalid").withAccount(http.account())));
            } else if (next < uuids.size() && PlivoPager.present(uuids.get(next))) {
                results.add(PlivoSendResult.accepted(destination, uuids.get(next++)));
            } else {
                results.add(PlivoSendResult.rejected(destination, Failure.of(FailureKind.OUTCOME_UNKNOWN,
                        "Plivo answered fewer message uuids than valid destinations").withAccount(http.account())));
            }
        }
        return List.copyOf(results);
    }

    /** One page of messages matching {@code filter}. */
    public Page<Message> list(PlivoMessageFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        return api.page(q -> api.service().listMessages(api.authId(), q), paging, PlivoApi.messageFilters(filter),
                d -> PlivoPager.present(d.messageUuid()), api.mapper()::message);
    }

    public Message get(String messageUuid) {
        return api.read(api.service().getMessage(api.authId(),
                api.id(messageUuid, "message_uuid")), api.mapper()::message);
    }
}
