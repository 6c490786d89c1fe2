package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.port.VoicePort;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twilio Programmable Voice: outbound calls through {@code Calls.json}. */
final class TwilioVoice implements VoicePort {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TwilioContext ctx;

    TwilioVoice(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Call place(CallRequest request) {
        return ctx.guard(() -> {
            Checks.required(request, "request");
            if (!(request.from() instanceof PhoneNumber from)) {
                throw SwitchboardException.invalid("from",
                        "must be resolved to a phone number before placing a call, got '"
                        + request.from().value() + "'");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("To", request.to().e164());
            fields.put("From", from.e164());
            // Twilio takes exactly one of Url and Twiml; the domain's sealed type guarantees one.
            if (request.instructions() instanceof CallInstructions.Url url) {
                fields.put("Url", url.url().toString());
                fields.put("Method", url.method());
            } else if (request.instructions() instanceof CallInstructions.Markup markup) {
                fields.put("Twiml", markup.markup());
            }
            request.statusCallback().ifPresent(url -> fields.put("StatusCallback", url.toString()));
            return ctx.exchange.write(ctx.http.rest.createCall(ctx.accountSid(), fields, List.of()), "place call",
                    ctx.mapper::call);
        });
    }

    @Override
    public Call get(String id) {
        return ctx.guard(() -> {
            String sid = TwilioContext.id(id, "id");
            return ctx.exchange.read(ctx.http.rest.fetchCall(ctx.accountSid(), sid), "get call", ctx.mapper::call);
        });
    }

    /** Twilio filters by to, from, status and start time; direction is filtered here, page by page. */
    @Override
    public Page<Call> list(CallQuery query, PageRequest page) {
        return ctx.guard(() -> {
            Checks.required(query, "query");
            Checks.required(page, "page");
            Map<String, String> filters = new LinkedHashMap<>();
            query.to().ifPresent(to -> filters.put("To", to));
            query.from().ifPresent(from -> filters.put("From", from));
            if (query.status().isPresent()) {
                if (query.status().get() == CallStatus.UNKNOWN) {
                    throw SwitchboardException.invalid("status",
                            "must be a call status Twilio can filter by, got UNKNOWN");
                }
                filters.put("Status", TwilioStatuses.callFilter(query.status().get()));
            }
            query.startedAfter().ifPresent(after -> filters.put("StartTime>", DATE_TIME.format(after)));
            query.startedBefore().ifPresent(before -> filters.put("StartTime<",
                    DATE_TIME.format(TwilioMessaging.inclusiveBefore(before))));
            Page<Call> fetched = ctx.pager.page(ctx.config.apiBaseUrl(), page,
                    size -> ctx.http.rest.listCalls(ctx.accountSid(), filters, size),
                    ctx.http.rest::callsPage, ctx.mapper::call, "list calls");
            if (query.direction().isEmpty()) {
                return fetched;
            }
            return new Page<>(fetched.items().stream().filter(c -> c.direction() == query.direction().get()).toList(),
                    fetched.nextCursor());
        });
    }
}
