package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twilio Programmable Messaging: SMS, MMS and WhatsApp through {@code Messages.json}. */
final class TwilioMessaging implements MessagingPort {

    /** Twilio's longest message body, in characters. */
    static final int MAX_BODY = 1600;
    /** Twilio's most media URLs on one message. */
    static final int MAX_MEDIA = 10;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TwilioContext ctx;

    TwilioMessaging(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Message send(MessageRequest request) {
        return ctx.guard(() -> {
            Checks.required(request, "request");
            String from = sender(request.from(), request.channel());
            String to = request.to().e164();
            if (request.channel() == Channel.WHATSAPP) {
                from = TwilioMapper.WHATSAPP_PREFIX + from;
                to = TwilioMapper.WHATSAPP_PREFIX + to;
            }
            int characters = request.text().codePointCount(0, request.text().length());
            if (characters > MAX_BODY) {
                throw SwitchboardException.invalid("text", "must be at most " + MAX_BODY
                        + " characters for Twilio, got " + characters);
            }
            if (request.media().size() > MAX_MEDIA) {
                throw SwitchboardException.invalid("media", "must hold at most " + MAX_MEDIA + " URLs for Twilio, got "
                        + request.media().size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("To", to);
            fields.put("From", from);
            if (!request.text().isEmpty()) {
                fields.put("Body", request.text());
            }
            request.statusCallback().ifPresent(url -> fields.put("StatusCallback", url.toString()));
            List<String> media = request.media().stream().map(URI::toString).toList();
            return ctx.exchange.write(ctx.http.rest.createMessage(ctx.accountSid(), fields, media), "send message",
                    ctx.mapper::message);
        });
    }

    @Override
    public Message get(String id) {
        return ctx.guard(() -> {
            String sid = TwilioContext.id(id, "id");
            return ctx.exchange.read(ctx.http.rest.fetchMessage(ctx.accountSid(), sid), "get message",
                    ctx.mapper::message);
        });
    }

    @Override
    public Page<Message> list(MessageQuery query, PageRequest page) {
        return ctx.guard(() -> {
            return list(query, null, page);
        });
    }

    /**
     * Lists messages; Twilio filters by recipient, sender and send date, and this adapter filters each page by
     * direction and status (Twilio has no such filters), so a page may hold fewer items than asked for.
     */
    Page<Message> list(MessageQuery query, LocalDate sentOn, PageRequest page) {
        Checks.required(query, "query");
        Checks.required(page, "page");
        Map<String, String> filters = new LinkedHashMap<>();
        query.to().ifPresent(to -> filters.put("To", to));
        query.from().ifPresent(from -> filters.put("From", from));
        if (sentOn != null) {
            filters.put("DateSent", sentOn.toString());
        }
        // Twilio's "DateSent>" and "DateSent<" keys read as ">=" and "<=" once the '=' joins key and value.
        query.sentAfter().ifPresent(after -> filters.put("DateSent>", DATE_TIME.format(after)));
        query.sentBefore().ifPresent(before -> filters.put("DateSent<", DATE_TIME.format(inclusiveBefore(before))));
        Page<Message> fetched = ctx.pager.page(ctx.config.apiBaseUrl(), page,
                size -> ctx.http.rest.listMessages(ctx.accountSid(), filters, size),
                ctx.http.rest::messagesPage, ctx.mapper::message, "list messages");
        if (query.direction().isEmpty() && query.status().isEmpty()) {
            return fetched;
        }
        List<Message> kept = fetched.items().stream()
                .filter(m -> query.direction().map(d -> d == m.direction()).orElse(true))
                .filter(m -> query.status().map(s -> s == m.status()).orElse(true))
                .toList();
        return new Page<>(kept, fetched.nextCursor());
    }

    /** The last whole second before an exclusive bound: Twilio's bound is inclusive and has second precision. */
    static Instant inclusiveBefore(Instant exclusive) {
        Instant truncated = exclusive.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(exclusive) ? truncated.minusSeconds(1) : truncated;
    }

    private static String sender(Sender from, Channel channel) {
        if (from instanceof SenderPool pool) {
            throw SwitchboardException.invalid("from", "must be resolved to a number or sender ID before sending, "
                    + "got sender pool '" + pool.name() + "'");
        }
        if (from instanceof SenderId id && channel == Channel.WHATSAPP) {
            throw SwitchboardException.invalid("from", "must be a WhatsApp-enabled phone number, got sender ID '"
                    + id.value() + "'");
        }
        return from instanceof PhoneNumber number ? number.e164() : from.value();
    }
}
