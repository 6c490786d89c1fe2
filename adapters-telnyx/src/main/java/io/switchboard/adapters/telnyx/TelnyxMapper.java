package io.switchboard.adapters.telnyx;

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
import io.switchboard.domain.number.LineType;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Telnyx DTOs to domain values for one account. A payload missing what the domain requires (an id) makes the
 * domain constructor throw; the caller reports that as an unreadable vendor answer.
 */
final class TelnyxMapper {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AccountId account;

    TelnyxMapper(AccountId account) {
        this.account = account;
    }

    Message message(TelnyxDto.Message m) {
        TelnyxDto.Recipient first = m.to() == null || m.to().isEmpty() ? null : m.to().get(0);
        TelnyxDto.Error error = m.errors() == null || m.errors().isEmpty() ? null : m.errors().get(0);
        Direction direction = TelnyxStatuses.direction(m.direction());
        return new Message(m.id(), account, channel(m.type()), party(m.from()),
                first == null ? "" : first.phoneNumber(), m.text(), direction,
                messageStatus(direction, first == null ? null : first.status()), first == null ? "" : first.status(),
                count(m.parts()), m.cost() == null ? Optional.empty() : money(m.cost().amount(), m.cost().currency()),
                instant(m.createdAt()).or(() -> instant(m.receivedAt())), instant(m.sentAt()),
                Optional.ofNullable(error).map(TelnyxDto.Error::code),
                Optional.ofNullable(error).map(e -> e.detail() != null ? e.detail() : e.title()));
    }

    /** A messaging detail record: {@code cli} is the sender and {@code cld} the recipient. */
    Message message(TelnyxDto.MessageRecord r) {
        String id = r.uuid() != null ? r.uuid() : r.id();
        List<String> errors = r.errors() == null ? List.of() : r.errors();
        Direction direction = TelnyxStatuses.direction(r.direction());
        return new Message(id, account, channel(r.messageType()), r.cli(), r.cld(), "",
                direction, messageStatus(direction, r.status()), r.status(),
                count(r.parts()), money(r.cost(), r.currency()), instant(r.createdAt()), instant(r.sentAt()),
                errors.stream().findFirst(), Optional.empty());
    }

    /**
     * A message's unified status. An inbound message is RECEIVED, as with the other vendors, whatever its recipient
     * status says: Telnyx reports a message that reached our number as {@code "delivered"} (its API reference's
     * {@code message.received} example), which would otherwise read as an outbound delivery. The raw word is kept.
     */
    static MessageStatus messageStatus(Direction direction, String raw) {
        return direction == Direction.INBOUND ? MessageStatus.RECEIVED : TelnyxStatuses.message(raw);
    }

    /**
     * A call as POST /calls answers it. Telnyx's API reference says of {@code is_alive} on the Dial command's answer
     * that it is always {@code false} because dialling is asynchronous: the call has only been queued, so
     * {@code false} here is no sign that it ended. A just-placed call is QUEUED; Telnyx gives no status word for it.
     */
    Call dialled(TelnyxDto.Call c, String from, String to) {
        return new Call(c.callControlId(), account, from, to, Direction.OUTBOUND, CallStatus.QUEUED, "",
                seconds(c.callDuration()), Optional.empty(), instant(c.startTime()), instant(c.endTime()));
    }

    /**
     * A call as GET /calls/{call_control_id} reports it; Telnyx says only whether it is alive. Telnyx keeps that
     * answer for a while after the call ends, so there {@code is_alive: false} means ended.
     */
    Call call(TelnyxDto.Call c, String from, String to) {
        CallStatus status = c.isAlive() == null ? CallStatus.UNKNOWN
                : c.isAlive() ? CallStatus.IN_PROGRESS : CallStatus.COMPLETED;
        String raw = c.isAlive() == null ? "" : c.isAlive() ? "alive" : "ended";
        return new Call(c.callControlId(), account, from, to, Direction.OUTBOUND, status, raw,
                seconds(c.callDuration()), Optional.empty(), instant(c.startTime()), instant(c.endTime()));
    }

    /** A live call on the connection: it is in progress by definition. */
    Call call(TelnyxDto.ActiveCall a) {
        return new Call(a.callControlId(), account, "", "", Direction.UNKNOWN,
                CallStatus.IN_PROGRESS, "active", seconds(a.callDuration()), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A call-control detail record; its id is the call control id when the record carries one, else the leg id. */
    Call call(TelnyxDto.CallRecord r) {
        String id = r.callControlId() != null ? r.callControlId() : r.callLegId() != null ? r.callLegId() : r.id();
        return new Call(id, account, r.cli(), r.cld(), TelnyxStatuses.direction(r.direction()),
                TelnyxStatuses.call(r.status()), r.status(), seconds(r.callSec()), money(r.cost(), r.currency()),
                instant(r.startedAt()), instant(r.endedAt()));
    }

    /**
     * A number. Telnyx lists no capability flags on a number; what it can do follows from what it is assigned to:
     * a connection (voice) and a messaging profile (SMS and MMS).
     */
    OwnedNumber number(TelnyxDto.PhoneNumber p) {
        Set<NumberCapability> capabilities = EnumSet.noneOf(NumberCapability.class);
        if (present(p.connectionId())) {
            capabilities.add(NumberCapability.VOICE);
        }
        if (present(p.messagingProfileId())) {
            capabilities.add(NumberCapability.SMS);
            capabilities.add(NumberCapability.MMS);
        }
        return new OwnedNumber(p.id(), account, p.phoneNumber(), capabilities,
                Optional.ofNullable(p.customerReference()).filter(TelnyxMapper::present),
                Optional.ofNullable(p.countryIsoAlpha2()).filter(TelnyxMapper::present), p.status());
    }

    Recording recording(TelnyxDto.Recording r) {
        Map<String, String> urls = r.downloadUrls() == null ? Map.of() : r.downloadUrls();
        String url = urls.get("mp3") != null ? urls.get("mp3")
                : urls.get("wav") != null ? urls.get("wav") : urls.values().stream().findFirst().orElse(null);
        return new Recording(r.id(), account, Optional.ofNullable(r.callControlId()).filter(TelnyxMapper::present),
                Optional.ofNullable(r.conferenceId()).filter(TelnyxMapper::present),
                r.durationMillis() == null ? Duration.ZERO : Duration.ofMillis(Math.max(0, r.durationMillis())),
                r.status(), uri(url), instant(r.createdAt()).or(() -> instant(r.recordingStartedAt())),
                Optional.empty());
    }

    AccountInfo account(TelnyxDto.Balance b, String vendorAccountId) {
        // The balance endpoint says nothing of suspension or closure, so the status stays unknown. The balance keeps
        // its sign: a post-paid account owing money has a negative one, which is no credit.
        return new AccountInfo(account, vendorAccountId, Optional.empty(), AccountStatus.UNKNOWN, "",
                Optional.empty(), signed(b.balance(), b.currency()));
    }

    TelnyxBalance balance(TelnyxDto.Balance b) {
        return new TelnyxBalance(account, signed(b.balance(), b.currency()), signed(b.creditLimit(), b.currency()),
                signed(b.availableCredit(), b.currency()), signed(b.pending(), b.currency()));
    }

    NumberLookup lookup(TelnyxDto.Lookup l, String number) {
        TelnyxDto.Carrier carrier = l.carrier();
        return new NumberLookup(present(l.phoneNumber()) ? l.phoneNumber() : number, true,
                Optional.ofNullable(l.countryCode()).filter(TelnyxMapper::present).map(c -> c.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(l.nationalFormat()).filter(TelnyxMapper::present),
                Optional.ofNullable(carrier).map(TelnyxDto.Carrier::name).filter(TelnyxMapper::present),
                lineType(carrier == null ? null : carrier.type()),
                Optional.ofNullable(l.callerName()).map(TelnyxDto.CallerName::callerName)
                        .filter(TelnyxMapper::present));
    }

    static LineType lineType(String raw) {
        if (raw == null) {
            return LineType.UNKNOWN;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "mobile" -> LineType.MOBILE;
            case "fixed line" -> LineType.LANDLINE;
            // Telnyx does not say whether a VoIP number is tied to an address.
            case "voip" -> LineType.NON_FIXED_VOIP;
            case "toll free" -> LineType.TOLL_FREE;
            case "premium rate" -> LineType.PREMIUM;
            case "shared cost" -> LineType.SHARED_COST;
            case "pager" -> LineType.PAGER;
            default -> LineType.UNKNOWN;
        };
    }

    static Channel channel(String type) {
        return type != null && type.trim().equalsIgnoreCase("MMS") ? Channel.MMS : Channel.SMS;
    }

    /** The sender, whether Telnyx sent {@code {"phone_number": ...}} or a bare string. */
    static String party(Object from) {
        if (from instanceof String s) {
            return s;
        }
        if (from instanceof Map<?, ?> map && map.get("phone_number") instanceof String s) {
            return s;
        }
        return "";
    }

    /** A positive price (Telnyx may report a charge with either sign); empty without amount or known currency. */
    static Optional<Money> money(BigDecimal amount, String currency) {
        return signed(amount, currency).map(Money::abs);
    }

    private static Optional<Money> signed(BigDecimal amount, String currency) {
        if (amount == null || currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(amount, currency));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        Instant usual = isoLayout(t);
        if (usual != null) {
            return Optional.of(usual);
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                try {
                    return Optional.of(LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e3) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * The layout of Telnyx's timestamps, {@code 2026-01-01T12:00:00.123+00:00} (any fraction of up to nine digits, or
     * none; an offset or {@code Z}), read field by field: the formatter costs a few microseconds per date on the send
     * path. Null for any other text, which the formatters then read as before.
     */
    static Instant isoLayout(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            int length = i - start;
            if (length < 1 || length > 9) {
                return null;
            }
            nanos = digits(t, start, length);
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code n} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<Duration> seconds(Long value) {
        return value == null || value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }

    private static OptionalInt count(Integer value) {
        return value == null || value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Optional<URI> uri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
