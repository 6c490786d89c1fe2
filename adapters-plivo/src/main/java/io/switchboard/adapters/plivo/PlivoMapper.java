package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.AccountDto;
import io.switchboard.adapters.plivo.PlivoDtos.ApplicationDto;
import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.LiveCallDto;
import io.switchboard.adapters.plivo.PlivoDtos.MessageDto;
import io.switchboard.adapters.plivo.PlivoDtos.NumberDto;
import io.switchboard.adapters.plivo.PlivoDtos.PrefixRateDto;
import io.switchboard.adapters.plivo.PlivoDtos.PricingDto;
import io.switchboard.adapters.plivo.PlivoDtos.RecordingDto;
import io.switchboard.adapters.plivo.account.PlivoAccountDetails;
import io.switchboard.adapters.plivo.application.PlivoApplication;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import io.switchboard.domain.recording.Recording;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Plivo's DTOs to the domain and to this adapter's typed records. Never throws on an odd value from Plivo. */
final class PlivoMapper {

    /** Plivo bills every account in US dollars. */
    static final String CURRENCY = "USD";

    /** Plivo's {@code 2017-05-22 21:36:14+05:30}, with optional fraction and offset. */
    private static final DateTimeFormatter PLIVO_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AccountId account;

    PlivoMapper(AccountId account) {
        this.account = account;
    }

    // ---- messages

    /**
     * A message. Plivo's message object has {@code message_time} (when Plivo took it) and {@code message_sent_time}
     * (when it left Plivo), which is empty until it is sent; {@code message_updated_time} is its last change.
     */
    Message message(MessageDto d) {
        return new Message(d.messageUuid(), account, channel(d.messageType()), e164(d.fromNumber()),
                e164(d.toNumber()), "", direction(d.messageDirection()), messageStatus(d.messageState()),
                d.messageState(), d.units() == null ? OptionalInt.empty() : OptionalInt.of(d.units()),
                money(d.totalAmount()), time(d.messageTime()), time(d.messageSentTime()), text(d.errorCode()),
                Optional.empty());
    }

    static Channel channel(String type) {
        String t = lower(type);
        return switch (t) {
            case "mms" -> Channel.MMS;
            case "whatsapp" -> Channel.WHATSAPP;
            default -> Channel.SMS;
        };
    }

    static MessageStatus messageStatus(String state) {
        return switch (lower(state)) {
            case "queued" -> MessageStatus.QUEUED;
            case "sent" -> MessageStatus.SENT;
            case "delivered", "read" -> MessageStatus.DELIVERED;
            case "undelivered" -> MessageStatus.UNDELIVERED;
            case "failed" -> MessageStatus.FAILED;
            case "rejected" -> MessageStatus.REJECTED;
            case "received" -> MessageStatus.RECEIVED;
            default -> MessageStatus.UNKNOWN;
        };
    }

    // ---- calls

    /**
     * A call record. Plivo's Call object (its voice API reference) has no status field: a record of an ended call says
     * how it ended through its end, answer and hangup cause. A {@code call_state} or {@code call_status}, which some
     * answers carry, is used when present; without one the status comes from the record ({@link #ended}) and the raw
     * status is the hangup cause's name.
     */
    Call call(CallDto d) {
        String word = d.callState() != null ? d.callState() : d.callStatus();
        boolean stated = word != null && !word.isBlank();
        String raw = stated ? word : d.hangupCauseName();
        return new Call(d.callUuid(), account, e164(d.fromNumber()), e164(d.toNumber()), direction(d.callDirection()),
                stated ? callStatus(word) : ended(d), raw, d.callDuration() == null ? Optional.empty()
                        : Optional.of(Duration.ofSeconds(Math.max(0, d.callDuration()))),
                money(d.totalAmount()), time(d.initiationTime()), time(d.endTime()));
    }

    /** A live or queued call; its id is the one it was asked by when Plivo leaves both uuids out. */
    Call liveCall(LiveCallDto d, String askedId) {
        String id = d.callUuid() != null && !d.callUuid().isBlank() ? d.callUuid()
                : d.requestUuid() != null && !d.requestUuid().isBlank() ? d.requestUuid() : askedId;
        if ("queued".equals(lower(d.callStatus())) && askedId != null) {
            id = askedId;
        }
        return new Call(id, account, e164(d.from()), e164(d.to()), direction(d.direction()),
                callStatus(d.callStatus()), d.callStatus(), Optional.empty(), Optional.empty(),
                time(d.sessionStart()), Optional.empty());
    }

    /**
     * The status of a call record that states none: UNKNOWN without an end time; else COMPLETED when it was answered
     * and lasted, and otherwise what the hangup cause's name says, in the words of Plivo's hangup cause list: busy,
     * no answer or ring timeout, canceled (the Hangup Call API before an answer, or credit running out), a normal
     * completion ({@code Normal Hangup}, {@code End Of XML Instructions}, a multiparty call ending) for an answered
     * call, and FAILED for the rest (an invalid, barred or out-of-service destination, an unknown cause).
     */
    static CallStatus ended(CallDto d) {
        if (d.endTime() == null || d.endTime().isBlank()) {
            return CallStatus.UNKNOWN;
        }
        boolean answered = d.answerTime() != null && !d.answerTime().isBlank();
        long seconds = d.callDuration() == null ? 0 : d.callDuration();
        String cause = lower(d.hangupCauseName());
        if (answered && seconds > 0) {
            return CallStatus.COMPLETED;
        }
        if (cause.contains("busy")) {
            return CallStatus.BUSY;
        }
        if (cause.contains("no answer") || cause.contains("ring timeout")) {
            return CallStatus.NO_ANSWER;
        }
        if (cause.startsWith("cancel")) {
            return CallStatus.CANCELED;
        }
        if (answered || cause.equals("normal hangup") || cause.equals("end of xml instructions")
                || cause.contains("multiparty call")) {
            return CallStatus.COMPLETED;
        }
        return CallStatus.FAILED;
    }

    /** Live statuses ({@code in-progress}) and ended calls' {@code call_state} ({@code ANSWER}) alike. */
    static CallStatus callStatus(String raw) {
        return switch (lower(raw).replace('_', '-')) {
            case "queued" -> CallStatus.QUEUED;
            case "ringing", "early-media" -> CallStatus.RINGING;
            case "in-progress", "answered" -> CallStatus.IN_PROGRESS;
            case "completed", "answer" -> CallStatus.COMPLETED;
            case "busy" -> CallStatus.BUSY;
            case "no-answer", "noanswer", "timeout" -> CallStatus.NO_ANSWER;
            case "failed" -> CallStatus.FAILED;
            case "cancel", "canceled", "cancelled" -> CallStatus.CANCELED;
            default -> CallStatus.UNKNOWN;
        };
    }

    // ---- numbers, applications, account

    OwnedNumber owned(NumberDto d) {
        Set<NumberCapability> caps = EnumSet.noneOf(NumberCapability.class);
        if (Boolean.TRUE.equals(d.voiceEnabled())) {
            caps.add(NumberCapability.VOICE);
        }
        if (Boolean.TRUE.equals(d.smsEnabled())) {
            caps.add(NumberCapability.SMS);
        }
        if (Boolean.TRUE.equals(d.mmsEnabled())) {
            caps.add(NumberCapability.MMS);
        }
        String e164 = e164(d.number());
        return new OwnedNumber(d.number(), account, e164, caps, text(d.alias()), region(e164), "");
    }

    PlivoNumber number(NumberDto d) {
        return new PlivoNumber(e164(d.number()), d.number(), text(d.alias()), lastSegment(d.application()),
                text(d.carrier()), text(d.numberType()), text(d.region()), text(d.country()),
                Boolean.TRUE.equals(d.smsEnabled()), Boolean.TRUE.equals(d.voiceEnabled()),
                Boolean.TRUE.equals(d.mmsEnabled()), money(d.smsRate()), money(d.voiceRate()),
                money(d.monthlyRentalRate()), text(d.addedOn()), lastSegment(d.subAccount()));
    }

    PlivoApplication application(ApplicationDto d) {
        return new PlivoApplication(d.appId(), d.appName(), text(d.answerUrl()), text(d.answerMethod()),
                text(d.hangupUrl()), text(d.messageUrl()), text(d.fallbackAnswerUrl()),
                Boolean.TRUE.equals(d.defaultApp()), text(d.hangupMethod()), text(d.messageMethod()),
                text(d.fallbackMethod()), Boolean.TRUE.equals(d.defaultEndpointApp()), lastSegment(d.subAccount()));
    }

    /** Plivo reports no account status: an account that answers with its details can be used. */
    AccountInfo accountInfo(AccountDto d, String configuredAuthId) {
        String authId = d.authId() == null || d.authId().isBlank() ? configuredAuthId : d.authId();
        return new AccountInfo(account, authId, text(d.name()), AccountStatus.ACTIVE, "", text(d.accountType()),
                money(d.cashCredits()));
    }

    PlivoAccountDetails plivoAccount(AccountDto d, String configuredAuthId) {
        String authId = d.authId() == null || d.authId().isBlank() ? configuredAuthId : d.authId();
        return new PlivoAccountDetails(authId, text(d.name()), text(d.accountType()), money(d.cashCredits()),
                text(d.billingMode()), Boolean.TRUE.equals(d.autoRecharge()), text(d.city()), text(d.address()),
                text(d.timezone()));
    }

    // ---- recordings

    Recording recording(RecordingDto d) {
        Duration duration = Duration.ZERO;
        Object raw = d.recordingDurationMs();
        Optional<BigDecimal> ms = decimal(raw == null ? null : String.valueOf(raw));
        if (ms.isPresent() && ms.get().signum() > 0) {
            duration = Duration.ofMillis(ms.get().longValue());
        }
        Optional<URI> url = Optional.empty();
        try {
            url = text(d.recordingUrl()).map(URI::create);
        } catch (IllegalArgumentException ignored) {
            // a malformed URL from Plivo leaves the recording without one rather than failing the list
        }
        // A Plivo recording record has no status field (its recording_format is the file's format, mp3 or wav): the
        // raw status stays empty rather than holding something that is not a status.
        return new Recording(d.recordingId(), account, text(d.callUuid()), text(d.conferenceName()), duration, "",
                url, time(d.addTime()), Optional.empty());
    }

    // ---- pricing

    /**
     * SMS to the country: Plivo prices by network without prefixes, so the country's calling code gets the highest
     * of the outbound rate and every network's rate (never under-quote).
     */
    static List<RateDeck.Entry> smsRates(PricingDto d) {
        if (d.countryCode() == null || d.message() == null) {
            return List.of();
        }
        BigDecimal highest = null;
        if (d.message().outbound() != null) {
            highest = max(highest, decimal(d.message().outbound().rate()).orElse(null));
        }
        if (d.message().outboundNetworksList() != null) {
            for (PlivoDtos.NetworkRateDto network : d.message().outboundNetworksList()) {
                highest = max(highest, network == null ? null : decimal(network.rate()).orElse(null));
            }
        }
        return highest == null ? List.of() : List.of(new RateDeck.Entry(String.valueOf(d.countryCode()),
                new Rate(Money.of(highest, CURRENCY), RateUnit.SEGMENT)));
    }

    /**
     * Voice to the country by destination prefix. Where several rows (one per origination prefix) price the same
     * destination prefix, the highest wins; with no prefix rows, the local rate prices the calling code.
     */
    static List<RateDeck.Entry> voiceRates(PricingDto d) {
        if (d.voice() == null || d.voice().outbound() == null) {
            return List.of();
        }
        Map<String, BigDecimal> byPrefix = new LinkedHashMap<>();
        if (d.voice().outbound().rates() != null) {
            for (PrefixRateDto row : d.voice().outbound().rates()) {
                BigDecimal rate = row == null ? null : decimal(row.rate()).orElse(null);
                if (rate == null || row.prefix() == null) {
                    continue;
                }
                for (String prefix : row.prefix()) {
                    String digits = prefix == null ? "" : prefix.trim().replace("+", "");
                    if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 15) {
                        byPrefix.merge(digits, rate, BigDecimal::max);
                    }
                }
            }
        }
        if (byPrefix.isEmpty() && d.countryCode() != null && d.voice().outbound().local() != null) {
            decimal(d.voice().outbound().local().rate())
                    .ifPresent(rate -> byPrefix.put(String.valueOf(d.countryCode()), rate));
        }
        List<RateDeck.Entry> entries = new ArrayList<>();
        byPrefix.forEach((prefix, rate) -> entries.add(new RateDeck.Entry(prefix,
                new Rate(Money.of(rate, CURRENCY), RateUnit.MINUTE))));
        return List.copyOf(entries);
    }

    // ---- values

    /** Plivo writes numbers with or without {@code +}; digits-only values become E.164, sender IDs stay. */
    static String e164(String raw) {
        if (raw == null) {
            return "";
        }
        String v = raw.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return "+" + v;
        }
        return v;
    }

    static Optional<Instant> time(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = PLIVO_TIME.parseBest(raw.trim(), java.time.OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof java.time.OffsetDateTime odt) {
                return Optional.of(odt.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A filter value as Plivo's list filters take it: {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    static String filterTime(Instant instant) {
        return FILTER_TIME.format(instant);
    }

    static Optional<Money> money(String amount) {
        return decimal(amount).map(a -> Money.of(a.abs(), CURRENCY));
    }

    private static Optional<BigDecimal> decimal(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    static Direction direction(String raw) {
        return switch (lower(raw)) {
            case "outbound" -> Direction.OUTBOUND;
            case "inbound" -> Direction.INBOUND;
            default -> Direction.UNKNOWN;
        };
    }

    private static Optional<String> region(String e164) {
        try {
            String region = io.switchboard.domain.PhoneNumber.parse(e164).regionCode();
            return "ZZ".equals(region) ? Optional.empty() : Optional.of(region);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> lastSegment(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        String[] parts = uri.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return Optional.of(parts[i]);
            }
        }
        return Optional.empty();
    }

    static Optional<String> text(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : raw.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static String lower(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    }
}
