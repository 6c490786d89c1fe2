package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What Plivo offers beyond the ports, with the seeds' parameters as they are. The marketplace package's operations are
 * grouped by resource, as the seed's table of contents: {@link #accounts()}, {@link #subaccounts()},
 * {@link #applications()}, {@link #calls()} (live calls included), {@link #conferences()}, {@link #endpoints()},
 * {@link #messages()}, {@link #numbers()}, {@link #pricing()}, {@link #recordings()} and {@link #carriers()}. The
 * methods on this class itself serve the Lua seed: sends to several destinations with a result per destination,
 * message and call lists with Plivo's own filters, numbers, applications and the account. Every method raises only
 * {@link SwitchboardException}, naming this account; parameters are checked before any request.
 */
public final class PlivoApi {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:+-][A-Za-z0-9._:+-]{0,127}");
    private static final Set<String> LIVE_STATES = Set.of("live", "ringing", "in-progress");

    private final PlivoHttp http;
    private final PlivoMapper mapper;
    private final String authId;
    private final PlivoPager pager;
    private final PlivoAccounts accounts;
    private final PlivoSubaccounts subaccounts;
    private final PlivoApplications applications;
    private final PlivoCalls calls;
    private final PlivoConferences conferences;
    private final PlivoEndpoints endpoints;
    private final PlivoMessages messages;
    private final PlivoNumbers numbers;
    private final PlivoPrices pricing;
    private final PlivoRecordings recordings;
    private final PlivoCarriers carriers;

    PlivoApi(PlivoHttp http, String authId) {
        this.http = http;
        this.pager = new PlivoPager(http.account());
        this.mapper = new PlivoMapper(http.account());
        this.authId = authId;
        this.accounts = new PlivoAccounts(this);
        this.subaccounts = new PlivoSubaccounts(this);
        this.applications = new PlivoApplications(this);
        this.calls = new PlivoCalls(this);
        this.conferences = new PlivoConferences(this);
        this.endpoints = new PlivoEndpoints(this);
        this.messages = new PlivoMessages(this);
        this.numbers = new PlivoNumbers(this);
        this.pricing = new PlivoPrices(this);
        this.recordings = new PlivoRecordings(this);
        this.carriers = new PlivoCarriers(this);
    }

    // ---- the marketplace package, by resource

    /** The account: details and changes to name, city and address. */
    public PlivoAccounts accounts() {
        return accounts;
    }

    /** The main account's subaccounts. */
    public PlivoSubaccounts subaccounts() {
        return subaccounts;
    }

    public PlivoApplications applications() {
        return applications;
    }

    /** Placing calls, their records, live calls and what can be done to them, and queued call requests. */
    public PlivoCalls calls() {
        return calls;
    }

    /** Live conferences and their members. */
    public PlivoConferences conferences() {
        return conferences;
    }

    /** SIP endpoints. */
    public PlivoEndpoints endpoints() {
        return endpoints;
    }

    public PlivoMessages messages() {
        return messages;
    }

    /** The account's numbers, and numbers to buy. */
    public PlivoNumbers numbers() {
        return numbers;
    }

    /** Rates by country. */
    public PlivoPrices pricing() {
        return pricing;
    }

    public PlivoRecordings recordings() {
        return recordings;
    }

    /** Incoming carriers: where calls to the account's own carrier numbers come from. */
    public PlivoCarriers carriers() {
        return carriers;
    }

    // ---- plumbing shared by the resource groups

    /** Runs a check made when an operation is called: its INVALID_REQUEST names this account. */
    <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (SwitchboardException e) {
            if (e.failure().account().isPresent()) {
                throw e;
            }
            throw new SwitchboardException(e.failure().withAccount(http.account()));
        }
    }

    PlivoService service() {
        return http.service();
    }

    /** A POST that creates or changes something: a lost answer is OUTCOME_UNKNOWN. */
    <T> T write(retrofit2.Call<T> call) {
        return http.write(call);
    }

    /** A POST answered with an acknowledgement or nothing. */
    void act(retrofit2.Call<PlivoMarketplaceDtos.Ack> call) {
        http.act(call);
    }

    <T> T read(retrofit2.Call<T> call) {
        return http.read(call);
    }

    /** A read whose answer is mapped inside the exchange: one that cannot become a value is UNAVAILABLE. */
    <T, R> R read(retrofit2.Call<T> call, Function<? super T, R> map) {
        return http.read(call, map);
    }

    void delete(retrofit2.Call<Void> call) {
        http.delete(call);
    }

    /** One page of a list, with {@code filters} after Plivo's limit and offset. */
    <D, R> Page<R> page(Function<Map<String, String>, retrofit2.Call<ListEnvelope<D>>> list, PlivoPaging paging,
            Map<String, String> filters, Predicate<D> hasId, Function<D, R> map) {
        Checks.required(paging, "paging");
        PageRequest request = paging.toPageRequest();
        return pager.page(http.read(list.apply(pager.query(request, filters))), request, hasId, map);
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
     * Sends one text to every destination in one request ({@code dst} joined with {@code <}); each destination gets
     * its result. The same as {@link PlivoMessages#send}.
     */
    public List<PlivoSendResult> send(PlivoSmsRequest request) {
        return messages.send(request);
    }

    public Message getMessage(String messageUuid) {
        return messages.get(messageUuid);
    }

    /** One page of messages (at most 20: Plivo's limit). */
    public Page<Message> listMessages(PlivoMessageFilter filter, PageRequest page) {
        Checks.required(filter, "filter");
        Checks.required(page, "page");
        var envelope = http.read(http.service().listMessages(authId, pager.query(page, messageFilters(filter))));
        return pager.page(envelope, page, d -> PlivoPager.present(d.messageUuid()), mapper::message);
    }

    static Map<String, String> messageFilters(PlivoMessageFilter filter) {
        Map<String, String> q = new LinkedHashMap<>();
        filter.direction().ifPresent(v -> q.put("message_direction", v));
        filter.state().ifPresent(v -> q.put("message_state", v));
        filter.src().ifPresent(v -> q.put("from_number", digits(v)));
        filter.dst().ifPresent(v -> q.put("to_number", digits(v)));
        filter.startTime().ifPresent(v -> q.put("message_time__gte", PlivoMapper.filterTime(v)));
        filter.endTime().ifPresent(v -> q.put("message_time__lt", PlivoMapper.filterTime(v)));
        filter.subaccount().ifPresent(v -> q.put("subaccount", v));
        filter.errorCode().ifPresent(v -> q.put("error_code", v));
        return q;
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
        filter.subaccount().ifPresent(v -> q.put("subaccount", v));
        filter.alias().ifPresent(v -> q.put("alias", v));
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
