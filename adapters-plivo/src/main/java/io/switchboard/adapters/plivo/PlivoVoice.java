package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.adapters.plivo.PlivoDtos.MakeCallBody;
import io.switchboard.adapters.plivo.PlivoDtos.MakeCallResponse;
import io.switchboard.adapters.plivo.call.PlivoCallRecord;
import io.switchboard.adapters.plivo.call.PlivoCallRecordFilter;
import io.switchboard.adapters.plivo.call.PlivoLiveCall;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plivo's Call API as the voice port: a call is read from the records of ended calls, else from the live calls, else
 * from the queued requests. {@link PlivoCallsApi} reaches the same calls with Plivo's own types.
 */
final class PlivoVoice implements VoicePort {

    private final PlivoContext ctx;

    PlivoVoice(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** Plivo fetches instructions from {@code answer_url}; the status callback becomes {@code hangup_url}. */
    @Override
    public Call place(CallRequest request) {
        Checks.required(request, "request");
        if (!(request.from() instanceof PhoneNumber from)) {
            throw SwitchboardException.invalid("from", "must be resolved to a number before placing a call, got '"
                    + request.from().value() + "'");
        }
        if (!(request.instructions() instanceof CallInstructions.Url url)) {
            throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED,
                    "Plivo's make call takes an answer URL, not inline XML").withAccount(ctx.account())
                    .withField("instructions"));
        }
        MakeCallBody body = new MakeCallBody(from.e164(), request.to().e164(), url.url().toString(), url.method(),
                request.statusCallback().map(Object::toString).orElse(null),
                request.statusCallback().map(u -> "POST").orElse(null));
        PlivoHttp http = ctx.http();
        MakeCallResponse response;
        try {
            response = http.write(http.service().makeCall(ctx.authId(), body));
        } catch (SwitchboardException e) {
            throw PlivoContext.inDomainTerms(e);
        }
        Object uuid = response.requestUuid() instanceof List<?> list && !list.isEmpty() ? list.get(0)
                : response.requestUuid();
        if (!(uuid instanceof String id) || id.isBlank()) {
            throw http.errors().incomplete(true, "'request_uuid' for a placed call");
        }
        return new Call(id, http.account(), from.e164(), request.to().e164(), Direction.OUTBOUND,
                CallStatus.QUEUED, response.message() == null ? "queued" : response.message(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An ended call's record, or else a live call, or else a queued one (asked by its request uuid). */
    @Override
    public Call get(String id) {
        String uuid = ctx.id(id, "call_id");
        PlivoHttp http = ctx.http();
        try {
            return http.read(http.service().getCall(ctx.authId(), uuid), ctx.mapper()::call);
        } catch (SwitchboardException ended) {
            if (ended.kind() != FailureKind.NOT_FOUND) {
                throw ended;
            }
            for (String status : List.of("live", "queued")) {
                try {
                    return http.read(http.service().getCallIn(ctx.authId(), uuid, status),
                            dto -> ctx.mapper().liveCall(dto, uuid));
                } catch (SwitchboardException e) {
                    if (e.kind() != FailureKind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
            throw ended;
        }
    }

    /**
     * Ended calls (no status, or a final one) from the call records; queued, ringing and in-progress calls from
     * Plivo's lists of queued and live calls, which have no paging.
     */
    @Override
    public Page<Call> list(CallQuery query, PageRequest page) {
        Checks.required(query, "query");
        Optional<CallStatus> status = query.status();
        if (status.isEmpty() || status.get().isTerminal() || status.get() == CallStatus.UNKNOWN) {
            return listEnded(query, page, c -> status.isEmpty() || c.status() == status.get());
        }
        String list = status.get() == CallStatus.QUEUED ? "queued" : "live";
        return listLiveOrQueued(query, list, c -> c.status() == status.get());
    }

    /** A completed call's record, with every field Plivo keeps. */
    PlivoCallRecord record(String callUuid) {
        return ctx.read(ctx.service().getCall(ctx.authId(), ctx.id(callUuid, "call_uuid")),
                PlivoMarketplaceMapper::callRecord);
    }

    /** One page of completed calls' records matching {@code filter}. */
    Page<PlivoCallRecord> records(PlivoCallRecordFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        return ctx.page(q -> ctx.service().listCalls(ctx.authId(), q), paging, PlivoRequestMapper.parameters(filter),
                d -> PlivoPager.present(d.callUuid()), PlivoMarketplaceMapper::callRecord);
    }

    /** A live call as Plivo describes it. */
    PlivoLiveCall live(String callUuid) {
        String id = ctx.id(callUuid, "call_uuid");
        return ctx.read(ctx.service().getCallIn(ctx.authId(), id, "live"),
                dto -> PlivoMarketplaceMapper.liveCall(dto, id));
    }

    /** The uuids of the account's live calls, as Plivo lists them (no paging). */
    List<String> liveUuids() {
        var list = ctx.read(ctx.service().listCallsIn(ctx.authId(), Map.of("status", "live")));
        return list.calls() == null ? List.of() : list.calls().stream().filter(PlivoPager::present).toList();
    }

    /**
     * Ended calls. Plivo filters records by end time only, so the start window is sent as a lower bound on the end
     * (a superset) and applied exactly here, with {@code keep}; a page may then hold fewer items than its size.
     */
    private Page<Call> listEnded(CallQuery query, PageRequest page, Predicate<Call> keep) {
        Checks.required(page, "page");
        Map<String, String> q = filters(query);
        query.startedAfter().ifPresent(v -> q.put("end_time__gte", PlivoMapper.filterTime(v)));
        PlivoHttp http = ctx.http();
        ListEnvelope<CallDto> envelope = http.read(http.service().listCalls(ctx.authId(),
                ctx.pager().query(page, q)));
        Page<Call> calls = ctx.pager().page(envelope, page, d -> PlivoPager.present(d.callUuid()),
                ctx.mapper()::call);
        List<Call> kept = calls.items().stream().filter(keep).filter(c -> startedWithin(c, query)).toList();
        return new Page<>(kept, calls.nextCursor());
    }

    /** Live or queued calls: Plivo lists their ids (no paging), and each is fetched. */
    private Page<Call> listLiveOrQueued(CallQuery query, String status, Predicate<Call> keep) {
        Map<String, String> q = filters(query);
        q.put("status", status);
        PlivoHttp http = ctx.http();
        var list = http.read(http.service().listCallsIn(ctx.authId(), q));
        List<Call> calls = new ArrayList<>();
        for (String uuid : list.calls() == null ? List.<String>of() : list.calls()) {
            if (!PlivoPager.present(uuid)) {
                continue;
            }
            try {
                Call call = http.read(http.service().getCallIn(ctx.authId(), uuid, status),
                        dto -> ctx.mapper().liveCall(dto, uuid));
                if (keep.test(call) && startedWithin(call, query)) {
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

    private static Map<String, String> filters(CallQuery query) {
        Map<String, String> q = new LinkedHashMap<>();
        query.direction().filter(d -> d != Direction.UNKNOWN)
                .ifPresent(d -> q.put("call_direction", d.name().toLowerCase(Locale.ROOT)));
        query.from().ifPresent(v -> q.put("from_number", PlivoContext.digits(v)));
        query.to().ifPresent(v -> q.put("to_number", PlivoContext.digits(v)));
        return q;
    }

    private static boolean startedWithin(Call call, CallQuery query) {
        Optional<Instant> started = call.startedAt();
        if (query.startedAfter().isPresent()
                && (started.isEmpty() || started.get().isBefore(query.startedAfter().get()))) {
            return false;
        }
        return query.startedBefore().isEmpty()
                || (started.isPresent() && started.get().isBefore(query.startedBefore().get()));
    }
}
