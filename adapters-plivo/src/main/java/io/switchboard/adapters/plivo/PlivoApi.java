package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.adapters.plivo.PlivoDtos.SendMessageBody;
import io.switchboard.adapters.plivo.PlivoDtos.SendResponse;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What Plivo offers beyond the ports, with the seeds' parameters as they are: sends to several destinations with a
 * result per destination, message and call lists with Plivo's own filters, numbers with their Plivo fields,
 * applications and the account. Every method raises only {@link SwitchboardException}, naming this account.
 */
public final class PlivoApi {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:+-][A-Za-z0-9._:+-]{0,127}");
    private static final Set<String> LIVE_STATES = Set.of("live", "ringing", "in-progress");

    private final PlivoHttp http;
    private final PlivoMapper mapper;
    private final String authId;
    private final PlivoPager pager;

    PlivoApi(PlivoHttp http, String authId) {
        this.http = http;
        this.pager = new PlivoPager(http.account());
        this.mapper = new PlivoMapper(http.account());
        this.authId = authId;
    }

    PlivoHttp http() {
        return http;
    }

    PlivoPager pager() {
        return pager;
    }

    PlivoMapper mapper() {
        return mapper;
    }

    String authId() {
        return authId;
    }

    // ---- messages

    /**
     * Sends one text to every destination in one request ({@code dst} joined with {@code <}). Plivo answers one uuid
     * per valid destination, in order, and lists the invalid ones; each destination gets its result.
     */
    public List<PlivoSendResult> send(PlivoSmsRequest request) {
        Checks.required(request, "request");
        List<String> dst = new ArrayList<>();
        request.destinations().forEach(d -> dst.add(d.e164()));
        List<String> media = request.mediaUrls().isEmpty() ? null
                : request.mediaUrls().stream().map(URI::toString).toList();
        SendMessageBody body = new SendMessageBody(request.src().value(), String.join("<", dst), request.text(),
                request.type(), media,
                request.statusUrl().map(URI::toString).orElse(null), request.statusMethod().orElse(null),
                request.log().orElse(null));
        SendResponse response = http.write(marker -> http.service().sendMessage(authId, body, marker));
        List<String> uuids = response.messageUuid() == null ? List.of() : response.messageUuid();
        Set<String> invalid = new HashSet<>();
        if (response.invalidNumber() != null) {
            response.invalidNumber().forEach(n -> invalid.add(digits(n)));
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

    public Message getMessage(String messageUuid) {
        return http.read(http.service().getMessage(authId, id(messageUuid, "message_uuid")), mapper::message);
    }

    /** One page of messages (at most 20: Plivo's limit). */
    public Page<Message> listMessages(PlivoMessageFilter filter, PageRequest page) {
        Checks.required(filter, "filter");
        Checks.required(page, "page");
        Map<String, String> q = new LinkedHashMap<>();
        filter.direction().ifPresent(v -> q.put("message_direction", v));
        filter.state().ifPresent(v -> q.put("message_state", v));
        filter.src().ifPresent(v -> q.put("from_number", digits(v)));
        filter.dst().ifPresent(v -> q.put("to_number", digits(v)));
        filter.startTime().ifPresent(v -> q.put("message_time__gte", PlivoMapper.filterTime(v)));
        filter.endTime().ifPresent(v -> q.put("message_time__lt", PlivoMapper.filterTime(v)));
        var envelope = http.read(http.service().listMessages(authId, pager.query(page, q)));
        return pager.page(envelope, page, d -> PlivoPager.present(d.messageUuid()), mapper::message);
    }

    /** Up to {@code limit} messages, following Plivo's pages of 20. */
    public List<Message> listMessages(PlivoMessageFilter filter, int limit) {
        return Pages.collect(p -> listMessages(filter, p), limit, PlivoPager.MAX_LIMIT);
    }

    // ---- calls

    /** An ended call's record, or else a live call, or else a queued one (asked by its request uuid). */
    public Call getCall(String callUuid) {
        String id = id(callUuid, "call_id");
        try {
            return http.read(http.service().getCall(authId, id), mapper::call);
        } catch (SwitchboardException ended) {
            if (ended.kind() != FailureKind.NOT_FOUND) {
                throw ended;
            }
            for (String status : List.of("live", "queued")) {
                try {
                    return http.read(http.service().getCallIn(authId, id, status),
                            dto -> mapper.liveCall(dto, id));
                } catch (SwitchboardException e) {
                    if (e.kind() != FailureKind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
            throw ended;
        }
    }

    /** One page of calls, read from the list {@link PlivoCallFilter#state()} selects. */
    public Page<Call> listCalls(PlivoCallFilter filter, PageRequest page) {
        Checks.required(filter, "filter");
        String state = filter.state().map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("ended");
        if (state.equals("queued") || LIVE_STATES.contains(state)) {
            Predicate<Call> status = state.equals("ringing") || state.equals("in-progress")
                    ? c -> c.rawStatus().equalsIgnoreCase(state) : c -> true;
            return listLiveOrQueued(filter, state.equals("queued") ? "queued" : "live", status);
        }
        Predicate<Call> outcome = state.equals("ended") ? c -> true : c -> c.rawStatus().equalsIgnoreCase(state);
        return listEnded(filter, page, outcome);
    }

    /** Up to {@code limit} calls, following Plivo's pages of 20. */
    public List<Call> listCalls(PlivoCallFilter filter, int limit) {
        return Pages.collect(p -> listCalls(filter, p), limit, PlivoPager.MAX_LIMIT);
    }

    /**
     * Ended calls. Plivo filters records by end time only, so the start window is sent as a lower bound on the end
     * (a superset) and applied exactly here, with {@code keep}; a page may then hold fewer items than its size.
     */
    Page<Call> listEnded(PlivoCallFilter filter, PageRequest page, Predicate<Call> keep) {
        Checks.required(page, "page");
        Map<String, String> q = callFilters(filter);
        filter.startTime().ifPresent(v -> q.put("end_time__gte", PlivoMapper.filterTime(v)));
        ListEnvelope<CallDto> envelope = http.read(http.service().listCalls(authId, pager.query(page, q)));
        Page<Call> calls = pager.page(envelope, page, d -> PlivoPager.present(d.callUuid()), mapper::call);
        List<Call> kept = calls.items().stream().filter(keep).filter(c -> startedWithin(c, filter)).toList();
        return new Page<>(kept, calls.nextCursor());
    }

    /** Live or queued calls: Plivo lists their ids (no paging), and each is fetched. */
    Page<Call> listLiveOrQueued(PlivoCallFilter filter, String status, Predicate<Call> keep) {
        Map<String, String> q = callFilters(filter);
        q.put("status", status);
        var list = http.read(http.service().listCallsIn(authId, q));
        List<Call> calls = new ArrayList<>();
        for (String uuid : list.calls() == null ? List.<String>of() : list.calls()) {
            if (!PlivoPager.present(uuid)) {
                continue;
            }
            try {
                Call call = http.read(http.service().getCallIn(authId, uuid, status),
                        dto -> mapper.liveCall(dto, uuid));
                if (keep.test(call) && startedWithin(call, filter)) {
                    calls.add(call);
                }
            } catch (SwitchboardException e) {
                if (e.kind() != FailureKind.NOT_FOUND) {
                    throw e; // a call that ended between the list and the fetch is simply no longer live
                }
            }
        }
        return Page.last(calls);
    }

    private static Map<String, String> callFilters(PlivoCallFilter filter) {
        Map<String, String> q = new LinkedHashMap<>();
        filter.direction().ifPresent(v -> q.put("call_direction", v));
        filter.fromNumber().ifPresent(v -> q.put("from_number", digits(v)));
        filter.toNumber().ifPresent(v -> q.put("to_number", digits(v)));
        return q;
    }

    private static boolean startedWithin(Call call, PlivoCallFilter filter) {
        Optional<Instant> started = call.startedAt();
        if (filter.startTime().isPresent() && (started.isEmpty() || started.get().isBefore(filter.startTime().get()))) {
            return false;
        }
        return filter.endTime().isEmpty() || (started.isPresent() && started.get().isBefore(filter.endTime().get()));
    }

    // ---- numbers, applications, account

    public Page<PlivoNumber> listNumbers(PlivoNumberFilter filter, PageRequest page) {
        Checks.required(filter, "filter");
        Checks.required(page, "page");
        var envelope = http.read(http.service().listNumbers(authId, pager.query(page, numberFilters(filter))));
        return pager.page(envelope, page, d -> PlivoPager.present(d.number()), mapper::number);
    }

    public List<PlivoNumber> listNumbers(PlivoNumberFilter filter, int limit) {
        return Pages.collect(p -> listNumbers(filter, p), limit, PlivoPager.MAX_LIMIT);
    }

    static Map<String, String> numberFilters(PlivoNumberFilter filter) {
        Map<String, String> q = new LinkedHashMap<>();
        filter.numberType().ifPresent(v -> q.put("number_type", v));
        filter.service().ifPresent(v -> q.put("services", v));
        filter.startsWith().ifPresent(v -> q.put("number_startswith", digits(v)));
        return q;
    }

    /** One number, given in E.164 ({@code +14155552671}) or as Plivo spells it ({@code 14155552671}). */
    public PlivoNumber getNumber(String number) {
        return http.read(http.service().getNumber(authId, digits(id(number, "number"))), mapper::number);
    }

    public Page<PlivoApplication> listApplications(PageRequest page) {
        Checks.required(page, "page");
        var envelope = http.read(http.service().listApplications(authId, pager.query(page, Map.of())));
        return pager.page(envelope, page, d -> PlivoPager.present(d.appId()), mapper::application);
    }

    public List<PlivoApplication> listApplications(int limit) {
        return Pages.collect(this::listApplications, limit, PlivoPager.MAX_LIMIT);
    }

    public PlivoAccount account() {
        return http.read(http.service().getAccount(authId), dto -> mapper.plivoAccount(dto, authId));
    }

    // ---- values

    /** An id safe to put in a path segment, or INVALID_REQUEST naming {@code field} and this account. */
    String id(String value, String field) {
        String v = value == null ? "" : value.trim();
        if (!ID.matcher(v).matches()) {
            throw new SwitchboardException(Failure.invalid(field, v.isEmpty() ? "is required"
                    : "must be a Plivo id (letters, digits, '-', '_', '.', ':', '+'), got '" + value + "'")
                    .withAccount(http.account()));
        }
        return v;
    }

    /** A number as Plivo stores it (digits, no {@code +}); a sender ID stays as it is. */
    static String digits(String number) {
        String v = number == null ? "" : number.trim();
        return v.startsWith("+") && v.length() > 1 && v.substring(1).chars().allMatch(Character::isDigit)
                ? v.substring(1) : v;
    }
}
