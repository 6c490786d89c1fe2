package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.AccountDto;
import io.switchboard.adapters.twilio.TwilioDtos.CallDto;
import io.switchboard.adapters.twilio.TwilioDtos.LookupDto;
import io.switchboard.adapters.twilio.TwilioDtos.MessageDto;
import io.switchboard.adapters.twilio.TwilioDtos.NumberDto;
import io.switchboard.adapters.twilio.TwilioDtos.RecordingDto;
import io.switchboard.adapters.twilio.TwilioDtos.UsageRecordDto;
import io.switchboard.adapters.twilio.TwilioDtos.UsageTriggerDto;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Direction;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.AccountStatus;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.account.UsageTrigger;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.recording.Recording;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.switchboard.adapters.twilio.TwilioValues.instant;
import static io.switchboard.adapters.twilio.TwilioValues.nonBlank;
import static io.switchboard.adapters.twilio.TwilioValues.positiveMoney;

/** Twilio's JSON records to domain values, for one account. Tolerant: an unknown or missing value never throws. */
final class TwilioMapper {

    static final String WHATSAPP_PREFIX = "whatsapp:";

    private final AccountId account;

    TwilioMapper(AccountId account) {
        this.account = account;
    }

    AccountId account() {
        return account;
    }

    Message message(MessageDto m) {
        String from = m.from() == null ? "" : m.from();
        String to = m.to() == null ? "" : m.to();
        Channel channel;
        if (from.startsWith(WHATSAPP_PREFIX) || to.startsWith(WHATSAPP_PREFIX)) {
            channel = Channel.WHATSAPP;
        } else if (TwilioValues.integer(m.numMedia()).orElse(0) > 0 || (m.sid() != null && m.sid().startsWith("MM"))) {
            channel = Channel.MMS;
        } else {
            channel = Channel.SMS;
        }
        OptionalInt segments = TwilioValues.integer(m.numSegments()).map(OptionalInt::of).orElse(OptionalInt.empty());
        return new Message(m.sid(), account, channel, stripWhatsApp(from), stripWhatsApp(to), m.body(),
                direction(m.direction()), TwilioStatuses.message(m.status()), m.status(), segments,
                positiveMoney(m.price(), m.priceUnit()), instant(m.dateCreated()), instant(m.dateSent()),
                nonBlank(m.errorCode()).filter(c -> !c.equals("0")), nonBlank(m.errorMessage()));
    }

    Call call(CallDto c) {
        Optional<Duration> duration = TwilioValues.integer(c.duration()).filter(s -> s >= 0).map(Duration::ofSeconds);
        return new Call(c.sid(), account, c.from(), c.to(), direction(c.direction()), TwilioStatuses.call(c.status()),
                c.status(), duration, positiveMoney(c.price(), c.priceUnit()), instant(c.startTime()),
                instant(c.endTime()));
    }

    OwnedNumber number(NumberDto n) {
        Set<NumberCapability> capabilities = EnumSet.noneOf(NumberCapability.class);
        if (n.capabilities() != null) {
            // Twilio spells these keys in either case ("sms" or "SMS"), with booleans or strings.
            for (Map.Entry<String, Object> e : n.capabilities().entrySet()) {
                if (e.getKey() != null && e.getValue() != null && "true".equalsIgnoreCase(e.getValue().toString())) {
                    switch (e.getKey().toLowerCase(Locale.ROOT)) {
                        case "voice" -> capabilities.add(NumberCapability.VOICE);
                        case "sms" -> capabilities.add(NumberCapability.SMS);
                        case "mms" -> capabilities.add(NumberCapability.MMS);
                        case "fax" -> capabilities.add(NumberCapability.FAX);
                        default -> { }
                    }
                }
            }
        }
        return new OwnedNumber(n.sid(), account, n.phoneNumber(), capabilities, nonBlank(n.friendlyName()),
                Optional.empty(), n.status());
    }

    AccountInfo accountInfo(AccountDto a) {
        String raw = a.status() == null ? "" : a.status();
        AccountStatus status = switch (raw.toLowerCase(Locale.ROOT)) {
            case "active" -> AccountStatus.ACTIVE;
            case "suspended" -> AccountStatus.SUSPENDED;
            case "closed" -> AccountStatus.CLOSED;
            default -> AccountStatus.UNKNOWN;
        };
        return new AccountInfo(account, a.sid(), nonBlank(a.friendlyName()), status, raw, nonBlank(a.type()),
                Optional.empty());
    }

    UsageTrigger usageTrigger(UsageTriggerDto t) {
        return new UsageTrigger(t.sid(), account, t.usageCategory(), t.triggerValue(), t.triggerBy(), t.recurring(),
                URI.create(t.callbackUrl()), nonBlank(t.currentValue()), nonBlank(t.friendlyName()));
    }

    UsageRecord usageRecord(UsageRecordDto u) {
        return new UsageRecord(account, u.category(), u.description(), TwilioValues.decimal(u.count()).orElse(null),
                u.countUnit(), TwilioValues.decimal(u.usage()).orElse(null), u.usageUnit(),
                positiveMoney(u.price(), u.priceUnit()), LocalDate.parse(u.startDate().trim()),
                LocalDate.parse(u.endDate().trim()));
    }

    Recording recording(RecordingDto r) {
        Duration duration = TwilioValues.integer(r.duration()).filter(s -> s > 0).map(Duration::ofSeconds)
                .orElse(Duration.ZERO);
        Optional<URI> media = nonBlank(r.mediaUrl()).flatMap(TwilioValues::uri);
        return new Recording(r.sid(), account, nonBlank(r.callSid()), nonBlank(r.conferenceSid()), duration,
                r.status(), media, instant(r.dateCreated()).or(() -> instant(r.startTime())),
                positiveMoney(r.price(), r.priceUnit()));
    }

    TwilioNumberLookup lookup(LookupDto l) {
        Optional<TwilioNumberLookup.LineTypeIntelligence> lineType = Optional.ofNullable(l.lineTypeIntelligence())
                .map(t -> new TwilioNumberLookup.LineTypeIntelligence(nonBlank(t.carrierName()),
                        TwilioStatuses.lineType(t.type()), t.type() == null ? "" : t.type(),
                        nonBlank(t.mobileCountryCode()), nonBlank(t.mobileNetworkCode()), nonBlank(t.errorCode())));
        Optional<TwilioNumberLookup.CallerName> callerName = Optional.ofNullable(l.callerName())
                .map(c -> new TwilioNumberLookup.CallerName(nonBlank(c.callerName()), nonBlank(c.callerType()),
                        nonBlank(c.errorCode())));
        Map<String, Map<String, Object>> others = new HashMap<>();
        putIfPresent(others, "sim_swap", l.simSwap());
        putIfPresent(others, "call_forwarding", l.callForwarding());
        putIfPresent(others, "line_status", l.lineStatus());
        putIfPresent(others, "identity_match", l.identityMatch());
        putIfPresent(others, "reassigned_number", l.reassignedNumber());
        putIfPresent(others, "sms_pumping_risk", l.smsPumpingRisk());
        putIfPresent(others, "phone_number_quality_score", l.phoneNumberQualityScore());
        putIfPresent(others, "pre_fill", l.preFill());
        return new TwilioNumberLookup(l.phoneNumber(), Boolean.TRUE.equals(l.valid()), l.validationErrors(),
                nonBlank(l.countryCode()), nonBlank(l.callingCountryCode()), nonBlank(l.nationalFormat()), lineType,
                callerName, others);
    }

    private static void putIfPresent(Map<String, Map<String, Object>> map, String key, Map<String, Object> value) {
        if (value != null) {
            Map<String, Object> copy = new HashMap<>();
            value.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
            map.put(key, Map.copyOf(copy));
        }
    }

    static Direction direction(String raw) {
        if (raw == null) {
            return Direction.UNKNOWN;
        }
        String d = raw.toLowerCase(Locale.ROOT);
        if (d.startsWith("outbound")) {
            return Direction.OUTBOUND;
        }
        return d.startsWith("inbound") ? Direction.INBOUND : Direction.UNKNOWN;
    }

    static String stripWhatsApp(String address) {
        return address.startsWith(WHATSAPP_PREFIX) ? address.substring(WHATSAPP_PREFIX.length()) : address;
    }
}
