package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.Sender;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.port.MessagingPort;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages on one Telnyx account. Sending is POST /messages and fetching GET /messages/{id}; Telnyx has no plain list
 * of messages, so listing reads message detail records: GET /detail_records?filter[record_type]=messaging.
 */
final class TelnyxMessaging implements MessagingPort {

    static final String RECORD_TYPE = "messaging";
    /** Telnyx's most SMS segments in one message by default (error 40302 beyond). */
    static final int MAX_SEGMENTS = 10;

    private final TelnyxConfig config;
    private final TelnyxHttp http;
    private final TelnyxMapper mapper;
    private final TelnyxErrors errors;
    private final TelnyxPager pager;

    TelnyxMessaging(TelnyxConfig config, TelnyxHttp http, TelnyxMapper mapper, TelnyxErrors errors,
            TelnyxPager pager) {
        this.config = config;
        this.http = http;
        this.mapper = mapper;
        this.errors = errors;
        this.pager = pager;
    }

    @Override
    public Message send(MessageRequest request) {
        errors.required(request, "request");
        if (request.channel() == Channel.WHATSAPP) {
            throw errors.unsupported("Telnyx WhatsApp messages are not sent through the messaging API this adapter"
                    + " speaks; send SMS or MMS");
        }
        String from = sender(request.from());
        List<String> media = request.media().stream().map(URI::toString).toList();
        return send(new TelnyxDto.SendMessage(from, request.to().e164(), request.text().isEmpty() ? null
                : request.text(), null, media.isEmpty() ? null : media,
                request.channel() == Channel.MMS ? "MMS" : "SMS",
                request.statusCallback().map(URI::toString).orElse(null),
                config.messagingProfileId().orElse(null)));
    }

    /** POSTs a prepared body; shared by the port and the typed API. */
    Message send(TelnyxDto.SendMessage body) {
        return http.once(service -> service.sendMessage(body), one -> mapper.message(one.data()));
    }

    private String sender(Sender from) {
        if (from instanceof PhoneNumber number) {
            return number.e164();
        }
        if (from instanceof SenderId id) {
            if (config.messagingProfileId().isEmpty()) {
                throw errors.invalid("from", "is the alphanumeric sender ID '" + id.value() + "', which Telnyx"
                        + " accepts only with a messaging profile: set messagingProfileId on " + config.account());
            }
            return id.value();
        }
        SenderPool pool = (SenderPool) from;
        throw errors.invalid("from", "must be resolved to a number or sender ID before sending, got pool '"
                + pool.name() + "'");
    }

    @Override
    public Message get(String id) {
        String messageId = errors.id(id, "id");
        return http.read(service -> service.message(messageId), one -> mapper.message(one.data()));
    }

    /**
     * Message detail records, filtered by Telnyx on {@code filter[cld]} (to), {@code filter[cli]} (from),
     * {@code filter[direction]}, {@code filter[created_at][gte|lt]}. A unified status is matched on the mapped
     * records, since detail records and messages use different status words; pages can then hold fewer items.
     */
    @Override
    public Page<Message> list(MessageQuery query, PageRequest page) {
        errors.required(query, "query");
        errors.required(page, "page");
        Map<String, String> filters = pager.query(page);
        TelnyxPager.put(filters, "filter[cld]", query.to());
        TelnyxPager.put(filters, "filter[cli]", query.from());
        TelnyxPager.put(filters, "filter[direction]", query.direction().map(TelnyxStatuses::directionFilter));
        TelnyxPager.put(filters, "filter[created_at][gte]", query.sentAfter().map(Object::toString));
        TelnyxPager.put(filters, "filter[created_at][lt]", query.sentBefore().map(Object::toString));
        Page<Message> records = records(filters, page);
        Optional<MessageStatus> status = query.status();
        if (status.isEmpty()) {
            return records;
        }
        return new Page<>(records.items().stream().filter(m -> m.status() == status.get()).toList(),
                records.nextCursor());
    }

    /** One page of messaging detail records; {@code query} already holds the page and any filters. */
    Page<Message> records(Map<String, String> query, PageRequest page) {
        query.put("filter[record_type]", RECORD_TYPE);
        int number = pager.number(page);
        int size = TelnyxPager.size(page);
        return http.read(service -> service.messageRecords(query),
                many -> TelnyxPager.page(many, number, size, mapper::message));
    }
}
