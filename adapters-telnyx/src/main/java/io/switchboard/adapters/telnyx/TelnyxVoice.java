package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.port.VoicePort;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls on one Telnyx account, dialled through its Call Control connection. A call's id is its
 * {@code call_control_id}. Telnyx has no plain list of calls: listing walks the connection's live calls
 * (GET /connections/{id}/active_calls) and then the call history (GET
 * /detail_records?filter[record_type]=call-control), behind one opaque cursor.
 */
final class TelnyxVoice implements VoicePort {

    static final String RECORD_TYPE = "call-control";
    /** Bound on the live-call pages scanned for a session id. */
    static final int MAX_LIVE_PAGES = 100;
    private static final String LIVE = "live:";
    private static final String HISTORY = "history:";

    private final String connectionId;
    private final TelnyxHttp http;
    private final TelnyxMapper mapper;
    private final TelnyxErrors errors;
    private final TelnyxPager pager;

    TelnyxVoice(String connectionId, TelnyxHttp http, TelnyxMapper mapper, TelnyxErrors errors, TelnyxPager pager) {
        this.connectionId = connectionId;
        this.http = http;
        this.mapper = mapper;
        this.errors = errors;
        this.pager = pager;
    }

    /**
     * POST /calls. Call Control drives a call through webhooks, so instructions by URL become the call's
     * {@code webhook_url}; inline markup has no Call Control equivalent. The client reference travels as
     * {@code client_state} (Base64), which Telnyx echoes on every webhook of the call.
     */
    @Override
    public Call place(CallRequest request) {
        errors.required(request, "request");
        if (!(request.from() instanceof PhoneNumber from)) {
            throw errors.invalid("from", "must be resolved to a phone number before dialling, got '"
                    + request.from().value() + "'");
        }
        if (!(request.instructions() instanceof CallInstructions.Url url)) {
            throw errors.unsupported("Telnyx Call Control takes no inline call markup: give instructions as a URL,"
                    + " which becomes the call's webhook_url");
        }
        String webhook = url.url().toString();
        request.statusCallback().map(Object::toString).filter(callback -> !callback.equals(webhook))
                .ifPresent(callback -> {
                    throw errors.invalid("statusCallback", "must be absent or equal the instructions URL: Telnyx Call"
                            + " Control sends every event of a call to its one webhook_url, got '" + callback + "'");
                });
        String clientState = request.clientReference()
                .map(ref -> Base64.getEncoder().encodeToString(ref.getBytes(StandardCharsets.UTF_8))).orElse(null);
        TelnyxDto.Dial body = new TelnyxDto.Dial(connectionId, request.to().e164(), from.e164(), webhook,
                url.method(), clientState);
        return http.once(service -> service.dial(body),
                one -> mapper.dialled(one.data(), from.e164(), request.to().e164()));
    }

    /** GET /calls/{call_control_id}; Telnyx keeps a call's status for a while after it ends. */
    @Override
    public Call get(String id) {
        String callControlId = errors.id(id, "id");
        return http.read(service -> service.call(callControlId), one -> mapper.call(one.data(), "", ""));
    }

    /**
     * Live calls first, then history. Live calls carry no numbers or direction, so they are listed only when the
     * query has no such filter and asks for no status or IN_PROGRESS; history records are finished calls, listed
     * unless a non-final status is asked for. History is filtered by Telnyx on {@code filter[cld]},
     * {@code filter[cli]}, {@code filter[direction]} and {@code filter[started_at][gte|lt]}; a status is matched on
     * the mapped records.
     */
    @Override
    public Page<Call> list(CallQuery query, PageRequest page) {
        errors.required(query, "query");
        errors.required(page, "page");
        Optional<CallStatus> status = query.status();
        boolean unfiltered = query.to().isEmpty() && query.from().isEmpty() && query.direction().isEmpty()
                && query.startedAfter().isEmpty() && query.startedBefore().isEmpty();
        boolean live = unfiltered && (status.isEmpty() || status.get() == CallStatus.IN_PROGRESS);
        boolean history = status.isEmpty() || status.get().isTerminal();
        String cursor = page.cursor().orElse(live ? LIVE : HISTORY + "1");
        if (cursor.startsWith(LIVE) && live) {
            return live(cursor.substring(LIVE.length()), page.size(), history);
        }
        if (cursor.startsWith(HISTORY) && history) {
            int number = pager.number(cursor.substring(HISTORY.length()));
            Map<String, String> filters = TelnyxPager.query(number, page.size());
            TelnyxPager.put(filters, "filter[cld]", query.to());
            TelnyxPager.put(filters, "filter[cli]", query.from());
            TelnyxPager.put(filters, "filter[direction]", query.direction().map(TelnyxStatuses::directionFilter));
            TelnyxPager.put(filters, "filter[started_at][gte]", query.startedAfter().map(Object::toString));
            TelnyxPager.put(filters, "filter[started_at][lt]", query.startedBefore().map(Object::toString));
            Page<Call> records = history(filters, number, page.size());
            List<Call> items = status.map(s -> records.items().stream().filter(c -> c.status() == s).toList())
                    .orElse(records.items());
            return new Page<>(items, records.nextCursor().map(next -> HISTORY + next));
        }
        if (!cursor.startsWith(LIVE) && !cursor.startsWith(HISTORY)) {
            throw errors.invalid("cursor", "is not a cursor of this Telnyx call list, got '" + cursor + "'");
        }
        return Page.last(List.of());
    }

    private Page<Call> live(String after, int size, boolean thenHistory) {
        Map<String, String> query = TelnyxPager.cursorQuery(after, size);
        return http.read(service -> service.activeCalls(connectionId, query), many -> {
            List<Call> items = TelnyxPager.items(many.data(), mapper::call);
            Optional<String> next = TelnyxPager.after(many).map(a -> LIVE + a);
            return new Page<>(items, next.isPresent() || !thenHistory ? next : Optional.of(HISTORY + "1"));
        });
    }

    /** One page of call-control detail records; {@code query} holds the page and any filters. */
    Page<Call> history(Map<String, String> query, int number, int size) {
        query.put("filter[record_type]", RECORD_TYPE);
        return http.read(service -> service.callRecords(query),
                many -> TelnyxPager.page(many, number, Math.min(size, TelnyxPager.MAX_PAGE_SIZE), mapper::call));
    }

    /**
     * A call by its {@code call_session_id}: its detail record ({@code filter[call_session_id]}) once it has ended,
     * else the live call with that session on the connection. The first leg found is returned.
     */
    Call bySession(String callSessionId) {
        String session = errors.id(callSessionId, "callSessionId");
        Map<String, String> query = TelnyxPager.query(1, 1);
        query.put("filter[call_session_id]", session);
        Page<Call> records = history(query, 1, 1);
        if (!records.items().isEmpty()) {
            return records.items().get(0);
        }
        String after = "";
        for (int pages = 0; pages < MAX_LIVE_PAGES; pages++) {
            Map<String, String> liveQuery = TelnyxPager.cursorQuery(after, TelnyxPager.MAX_PAGE_SIZE);
            LiveScan scan = http.read(service -> service.activeCalls(connectionId, liveQuery), many -> new LiveScan(
                    TelnyxPager.items(many.data(), c -> c).stream()
                            .filter(c -> session.equals(c.callSessionId())).findFirst().map(mapper::call),
                    TelnyxPager.after(many)));
            if (scan.match().isPresent()) {
                return scan.match().get();
            }
            if (scan.after().isEmpty()) {
                break;
            }
            after = scan.after().get();
        }
        throw errors.notFound("no Telnyx call with call_session_id '" + session + "' in the call history or among"
                + " the live calls of connection " + connectionId);
    }

    /** One page of live calls searched for a session: the match, and the cursor to the next page. */
    private record LiveScan(Optional<Call> match, Optional<String> after) {
    }
}
