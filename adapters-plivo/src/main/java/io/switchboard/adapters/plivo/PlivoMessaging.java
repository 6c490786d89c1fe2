package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.SendMessageBody;
import io.switchboard.adapters.plivo.PlivoDtos.SendResponse;
import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.message.PlivoSendResult;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.MessagingPort;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Plivo's Message API as the messaging port; {@link PlivoMessagesApi} reaches the same operations with Plivo's terms. */
final class PlivoMessaging implements MessagingPort {

    /** Plivo's longest SMS text: 1,600 characters in GSM-7, 737 when it needs UCS-2. */
    static final int MAX_GSM7_TEXT = 1600;
    static final int MAX_UCS2_TEXT = 737;

    private final PlivoContext ctx;

    PlivoMessaging(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** One destination, so one uuid; Plivo's {@code invalid_number} for it is an INVALID_REQUEST on {@code to}. */
    @Override
    public Message send(MessageRequest request) {
        Checks.required(request, "request");
        if (request.from() instanceof SenderPool pool) {
            throw SwitchboardException.invalid("from", "must be resolved to a number or sender ID before sending,"
                    + " got pool '" + pool.name() + "'");
        }
        PlivoSmsRequest.Builder plivo = PlivoSmsRequest.builder().src(request.from()).dst(request.to())
                .text(request.text()).type(request.channel().name().toLowerCase(Locale.ROOT));
        request.media().forEach(plivo::media);
        request.statusCallback().ifPresent(plivo::statusUrl);
        PlivoSendResult result;
        try {
            result = send(plivo.build()).get(0);
        } catch (SwitchboardException e) {
            throw PlivoContext.inDomainTerms(e);
        }
        if (result.failure().isPresent()) {
            Failure f = result.failure().get();
            throw new SwitchboardException(f.kind() == FailureKind.INVALID_REQUEST ? f.withField("to") : f);
        }
        return new Message(result.messageUuid().orElseThrow(), ctx.account(), request.channel(),
                request.from().value(), request.to().e164(), request.text(), Direction.OUTBOUND,
                MessageStatus.QUEUED, "queued", OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Sends one text to every destination in one request ({@code dst} joined with {@code <}). Plivo answers one uuid
     * per valid destination, in order, and lists the invalid ones; each destination gets its result.
     */
    List<PlivoSendResult> send(PlivoSmsRequest request) {
        Checks.required(request, "request");
        PlivoHttp http = ctx.http();
        List<String> dst = new ArrayList<>();
        request.destinations().forEach(d -> dst.add(d.e164()));
        List<String> media = request.mediaUrls().isEmpty() ? null
                : request.mediaUrls().stream().map(URI::toString).toList();
        SendMessageBody body = new SendMessageBody(request.src().value(), String.join("<", dst), request.text(),
                request.type(), media,
                request.statusUrl().map(URI::toString).orElse(null), request.statusMethod().orElse(null),
                request.log().orElse(null));
        SendResponse response = http.write(http.service().sendMessage(ctx.authId(), body));
        List<String> uuids = response.messageUuid() == null ? List.of() : response.messageUuid();
        Set<String> invalid = new HashSet<>();
        if (response.invalidNumber() != null) {
            response.invalidNumber().forEach(n -> invalid.add(PlivoContext.digits(n)));
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

    @Override
    public Message get(String id) {
        return ctx.read(ctx.service().getMessage(ctx.authId(), ctx.id(id, "message_uuid")), ctx.mapper()::message);
    }

    @Override
    public Page<Message> list(MessageQuery query, PageRequest page) {
        Checks.required(query, "query");
        PlivoMessageFilter filter = PlivoMessageFilter.all()
                .withDst(query.to().orElse(null)).withSrc(query.from().orElse(null))
                .withTimeBetween(query.sentAfter().orElse(null), query.sentBefore().orElse(null))
                .withDirection(query.direction().filter(d -> d != Direction.UNKNOWN)
                        .map(d -> d.name().toLowerCase(Locale.ROOT)).orElse(null));
        if (query.status().isPresent()) {
            MessageStatus status = query.status().get();
            if (List.of(MessageStatus.SENDING, MessageStatus.EXPIRED, MessageStatus.UNKNOWN).contains(status)) {
                return Page.last(List.of()); // Plivo never reports these states
            }
            filter = filter.withState(status.name().toLowerCase(Locale.ROOT));
        }
        return list(filter, page);
    }

    /** One page of messages matching Plivo's own filters (at most 20: Plivo's limit). */
    Page<Message> list(PlivoMessageFilter filter, PageRequest page) {
        Checks.required(filter, "filter");
        return ctx.page(q -> ctx.service().listMessages(ctx.authId(), q), page, filters(filter),
                d -> PlivoPager.present(d.messageUuid()), ctx.mapper()::message);
    }

    private static Map<String, String> filters(PlivoMessageFilter filter) {
        Map<String, String> q = new LinkedHashMap<>();
        filter.direction().ifPresent(v -> q.put("message_direction", v));
        filter.state().ifPresent(v -> q.put("message_state", v));
        filter.src().ifPresent(v -> q.put("from_number", PlivoContext.digits(v)));
        filter.dst().ifPresent(v -> q.put("to_number", PlivoContext.digits(v)));
        filter.startTime().ifPresent(v -> q.put("message_time__gte", PlivoMapper.filterTime(v)));
        filter.endTime().ifPresent(v -> q.put("message_time__lt", PlivoMapper.filterTime(v)));
        filter.subaccount().ifPresent(v -> q.put("subaccount", v));
        filter.errorCode().ifPresent(v -> q.put("error_code", v));
        return q;
    }
}
