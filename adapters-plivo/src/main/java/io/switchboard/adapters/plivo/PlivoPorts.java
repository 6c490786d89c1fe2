package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.MakeCallBody;
import io.switchboard.adapters.plivo.PlivoDtos.MakeCallResponse;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.AccountPort;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.port.NumbersPort;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.port.VoicePort;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The domain ports on top of {@link PlivoApi}: one small class per port, sharing its HTTP and mapper. */
final class PlivoPorts {

    /** Plivo's parameter names, as its errors name them, to the domain request's field names. */
    private static final Map<String, String> DOMAIN_FIELDS = Map.of("dst", "to", "src", "from", "media_urls", "media",
            "url", "statusCallback", "method", "statusCallback", "answer_url", "instructions",
            "answer_method", "instructions", "hangup_url", "statusCallback", "type", "channel");

    private PlivoPorts() {
    }

    /**
     * A port caller sent a domain request, so a failure names the domain's field ({@code to}, not Plivo's {@code
     * dst}), as the other adapters do; {@link PlivoApi} keeps Plivo's own names.
     */
    private static SwitchboardException inDomainTerms(SwitchboardException e) {
        Failure f = e.failure();
        String domain = f.field().map(DOMAIN_FIELDS::get).orElse(null);
        return domain == null ? e : new SwitchboardException(f.withField(domain), e.getCause());
    }

    static final class Messaging implements MessagingPort {
        private final PlivoApi api;

        Messaging(PlivoApi api) {
            this.api = api;
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
                result = api.send(plivo.build()).get(0);
            } catch (SwitchboardException e) {
                throw inDomainTerms(e);
            }
            if (result.failure().isPresent()) {
                Failure f = result.failure().get();
                throw new SwitchboardException(f.kind() == FailureKind.INVALID_REQUEST ? f.withField("to") : f);
            }
            return new Message(result.messageUuid().orElseThrow(), api.http().account(), request.channel(),
                    request.from().value(), request.to().e164(), request.text(), Direction.OUTBOUND,
                    MessageStatus.QUEUED, "queued", OptionalInt.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public Message get(String id) {
            return api.getMessage(id);
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
            return api.listMessages(filter, page);
        }
    }

    static final class Voice implements VoicePort {
        private final PlivoApi api;

        Voice(PlivoApi api) {
            this.api = api;
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
                        "Plivo's make call takes an answer URL, not inline XML").withAccount(api.http().account())
                        .withField("instructions"));
            }
            MakeCallBody body = new MakeCallBody(from.e164(), request.to().e164(), url.url().toString(), url.method(),
                    request.statusCallback().map(Object::toString).orElse(null),
                    request.statusCallback().map(u -> "POST").orElse(null));
            PlivoHttp http = api.http();
            MakeCallResponse response;
            try {
                response = http.write(http.service().makeCall(api.authId(), body));
            } catch (SwitchboardException e) {
                throw inDomainTerms(e);
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

        @Override
        public Call get(String id) {
            return api.getCall(id);
        }

        @Override
        public Page<Call> list(CallQuery query, PageRequest page) {
            Checks.required(query, "query");
            PlivoCallFilter filter = PlivoCallFilter.all()
                    .withToNumber(query.to().orElse(null)).withFromNumber(query.from().orElse(null))
                    .withTimeBetween(query.startedAfter().orElse(null), query.startedBefore().orElse(null))
                    .withDirection(query.direction().filter(d -> d != Direction.UNKNOWN)
                            .map(d -> d.name().toLowerCase(Locale.ROOT)).orElse(null));
            Optional<CallStatus> status = query.status();
            if (status.isEmpty() || status.get().isTerminal() || status.get() == CallStatus.UNKNOWN) {
                return api.listEnded(filter, page, c -> status.isEmpty() || c.status() == status.get());
            }
            String list = status.get() == CallStatus.QUEUED ? "queued" : "live";
            return api.listLiveOrQueued(filter, list, c -> c.status() == status.get());
        }
    }

    static final class Numbers implements NumbersPort {
        private final PlivoApi api;

        Numbers(PlivoApi api) {
            this.api = api;
        }

        @Override
        public Page<OwnedNumber> list(NumberQuery query, PageRequest page) {
            Checks.required(query, "query");
            Checks.required(page, "page");
            PlivoNumberFilter filter = PlivoNumberFilter.all().withStartsWith(query.numberContains().orElse(null));
            Optional<NumberCapability> cap = query.capability();
            if (cap.isPresent() && (cap.get() == NumberCapability.VOICE || cap.get() == NumberCapability.SMS)) {
                filter = filter.withService(cap.get().name().toLowerCase(Locale.ROOT));
            }
            PlivoHttp http = api.http();
            var envelope = http.read(http.service().listNumbers(api.authId(),
                    api.pager().query(page, PlivoApi.numberFilters(filter))));
            Page<OwnedNumber> numbers = api.pager().page(envelope, page, d -> PlivoPager.present(d.number()),
                    api.mapper()::owned);
            return cap.isEmpty() ? numbers
                    : new Page<>(numbers.items().stream().filter(n -> n.can(cap.get())).toList(), numbers.nextCursor());
        }

        @Override
        public OwnedNumber get(String id) {
            PlivoHttp http = api.http();
            return http.read(http.service().getNumber(api.authId(), PlivoApi.digits(api.id(id, "id"))),
                    api.mapper()::owned);
        }
    }

    static final class Account implements AccountPort {
        private final PlivoApi api;

        Account(PlivoApi api) {
            this.api = api;
        }

        @Override
        public AccountInfo info() {
            PlivoHttp http = api.http();
            return http.read(http.service().getAccount(api.authId()), dto -> api.mapper().accountInfo(dto,
                    api.authId()));
        }
    }

    static final class Pricing implements PricingPort {
        private final PlivoApi api;

        Pricing(PlivoApi api) {
            this.api = api;
        }

        @Override
        public List<RateDeck.Entry> rates(String countryIso, Product product) {
            Checks.notBlank(countryIso, "countryIso");
            Checks.required(product, "product");
            String iso = countryIso.trim().toUpperCase(Locale.ROOT);
            if (!iso.matches("[A-Z]{2}")) {
                throw SwitchboardException.invalid("countryIso", "must be an ISO 3166 alpha-2 code, got '"
                        + countryIso + "'");
            }
            if (product != Product.SMS && product != Product.VOICE) {
                throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED,
                        "Plivo's pricing API publishes SMS and voice rates, not " + product)
                        .withAccount(api.http().account()));
            }
            PlivoHttp http = api.http();
            var pricing = http.read(http.service().getPricing(api.authId(), iso));
            return product == Product.SMS ? PlivoMapper.smsRates(pricing) : PlivoMapper.voiceRates(pricing);
        }
    }

    static final class Recordings implements RecordingsPort {
        private final PlivoApi api;

        Recordings(PlivoApi api) {
            this.api = api;
        }

        /** By call and day at Plivo; by conference here (Plivo has no such filter), so a page may be short. */
        @Override
        public Page<Recording> list(RecordingQuery query, PageRequest page) {
            Checks.required(query, "query");
            Checks.required(page, "page");
            Map<String, String> q = new LinkedHashMap<>();
            query.callId().ifPresent(v -> q.put("call_uuid", v));
            query.createdOn().ifPresent(day -> {
                q.put("add_time__gte", PlivoMapper.filterTime(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
                q.put("add_time__lt", PlivoMapper.filterTime(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            });
            PlivoHttp http = api.http();
            var envelope = http.read(http.service().listRecordings(api.authId(), api.pager().query(page, q)));
            Page<Recording> recordings = api.pager().page(envelope, page, d -> PlivoPager.present(d.recordingId()),
                    api.mapper()::recording);
            return query.conferenceId().isEmpty() ? recordings : new Page<>(recordings.items().stream()
                    .filter(r -> r.conferenceId().equals(query.conferenceId())).toList(), recordings.nextCursor());
        }

        @Override
        public Recording get(String id) {
            PlivoHttp http = api.http();
            return http.read(http.service().getRecording(api.authId(), api.id(id, "id")),
                    api.mapper()::recording);
        }

        @Override
        public void delete(String id) {
            PlivoHttp http = api.http();
            http.delete(http.service().deleteRecording(api.authId(), api.id(id, "id")));
        }
    }
}
