package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.CallDto;
import io.switchboard.adapters.plivo.PlivoDtos.LiveCallDto;
import io.switchboard.adapters.plivo.PlivoDtos.PrefixRateDto;
import io.switchboard.adapters.plivo.PlivoDtos.PricingDto;
import io.switchboard.adapters.plivo.PlivoDtos.RateDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.AvailableNumberDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.BuyResponse;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.CarrierDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ConferenceDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.EndpointDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.MemberDto;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.SubaccountDto;
import io.switchboard.adapters.plivo.call.PlivoCallRecord;
import io.switchboard.adapters.plivo.call.PlivoLiveCall;
import io.switchboard.adapters.plivo.carrier.PlivoIncomingCarrier;
import io.switchboard.adapters.plivo.conference.PlivoConference;
import io.switchboard.adapters.plivo.conference.PlivoConferenceMember;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpoint;
import io.switchboard.adapters.plivo.number.PlivoAvailableNumber;
import io.switchboard.adapters.plivo.number.PlivoPurchase;
import io.switchboard.adapters.plivo.pricing.PlivoCountryPricing;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccount;
import io.switchboard.domain.Money;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The marketplace operations' DTOs to this adapter's typed records. Like {@link PlivoMapper}, never throws on an odd
 * value from Plivo: what does not parse is left out.
 */
final class PlivoMarketplaceMapper {

    private PlivoMarketplaceMapper() {
    }

    static PlivoSubaccount subaccount(SubaccountDto d) {
        return new PlivoSubaccount(d.authId(), d.authToken(), d.name(), Boolean.TRUE.equals(d.enabled()),
                day(d.created()), day(d.modified()));
    }

    static PlivoCallRecord callRecord(CallDto d) {
        return new PlivoCallRecord(d.callUuid(), PlivoMapper.e164(d.fromNumber()), PlivoMapper.e164(d.toNumber()),
                text(d.callDirection()), seconds(d.callDuration()), seconds(d.billDuration()),
                seconds(d.billedDuration()), PlivoMapper.time(d.initiationTime()), PlivoMapper.time(d.answerTime()),
                PlivoMapper.time(d.endTime()), PlivoMapper.money(d.totalAmount()), PlivoMapper.money(d.totalRate()),
                PlivoMapper.text(d.callState() != null ? d.callState() : d.callStatus()),
                PlivoMapper.text(d.hangupCauseName()), PlivoMapper.text(d.hangupSource()),
                PlivoMapper.text(d.parentCallUuid()));
    }

    static PlivoLiveCall liveCall(LiveCallDto d, String askedId) {
        String id = d.callUuid() != null && !d.callUuid().isBlank() ? d.callUuid() : askedId;
        return new PlivoLiveCall(id, PlivoMapper.text(d.requestUuid()), PlivoMapper.e164(d.from()),
                PlivoMapper.e164(d.to()), text(d.direction()), text(d.callStatus()), PlivoMapper.text(d.callerName()),
                PlivoMapper.time(d.sessionStart()));
    }

    static PlivoConference conference(ConferenceDto d, String askedName) {
        List<PlivoConferenceMember> members = new ArrayList<>();
        if (d.members() != null) {
            for (MemberDto m : d.members()) {
                Optional<String> id = m == null ? Optional.empty() : PlivoMapper.text(m.memberId());
                if (id.isPresent()) {
                    members.add(new PlivoConferenceMember(id.get(), m.callUuid(), PlivoMapper.e164(m.from()),
                            PlivoMapper.e164(m.to()), PlivoMapper.text(m.callerName()), text(m.direction()),
                            Boolean.TRUE.equals(m.muted()), Boolean.TRUE.equals(m.deaf()), secondsOf(m.joinTime())));
                }
            }
        }
        String name = d.conferenceName() == null || d.conferenceName().isBlank() ? askedName : d.conferenceName();
        int count = PlivoMapper.text(d.conferenceMemberCount()).flatMap(PlivoMarketplaceMapper::integer)
                .orElse(members.size());
        return new PlivoConference(name, secondsOf(d.conferenceRunTime()), count, members);
    }

    static PlivoEndpoint endpoint(EndpointDto d, String askedId) {
        String id = PlivoMapper.text(d.endpointId()).orElse(askedId);
        return new PlivoEndpoint(id, d.username(), d.alias(), PlivoMapper.lastSegment(d.application()),
                PlivoMapper.text(d.sipUri()), PlivoMapper.text(d.sipRegistered()).map(s -> s.equalsIgnoreCase("true"))
                .orElse(false), PlivoMapper.lastSegment(d.subAccount()));
    }

    static PlivoAvailableNumber available(AvailableNumberDto d) {
        return new PlivoAvailableNumber(PlivoMapper.e164(d.number()), d.number(), text(d.type()),
                PlivoMapper.text(d.subType()), PlivoMapper.text(d.prefix()), PlivoMapper.text(d.city()),
                PlivoMapper.text(d.country()), PlivoMapper.text(d.region()), PlivoMapper.text(d.rateCenter()),
                PlivoMapper.text(d.lata()), Boolean.TRUE.equals(d.voiceEnabled()), Boolean.TRUE.equals(d.smsEnabled()),
                Boolean.TRUE.equals(d.mmsEnabled()), PlivoMapper.money(d.setupRate()),
                PlivoMapper.money(d.monthlyRentalRate()), PlivoMapper.money(d.voiceRate()),
                PlivoMapper.money(d.smsRate()), PlivoMapper.text(d.restrictionText() != null ? d.restrictionText()
                        : d.restriction()));
    }

    static PlivoPurchase purchase(BuyResponse d) {
        List<PlivoPurchase.Item> items = new ArrayList<>();
        if (d.numbers() != null) {
            d.numbers().stream().filter(n -> n != null && n.number() != null)
                    .forEach(n -> items.add(new PlivoPurchase.Item(PlivoMapper.e164(n.number()), text(n.status()))));
        }
        return new PlivoPurchase(d.status(), items);
    }

    static PlivoIncomingCarrier carrier(CarrierDto d, String askedId) {
        List<String> ips = new ArrayList<>();
        if (d.ipSet() instanceof List<?> list) {
            list.forEach(ip -> PlivoMapper.text(ip).ifPresent(v -> ips.add(v.trim())));
        } else {
            PlivoMapper.text(d.ipSet()).ifPresent(v -> {
                for (String ip : v.split(",")) {
                    if (!ip.isBlank()) {
                        ips.add(ip.trim());
                    }
                }
            });
        }
        return new PlivoIncomingCarrier(PlivoMapper.text(d.carrierId()).orElse(askedId), d.name(), ips,
                !Boolean.FALSE.equals(d.voice()), Boolean.TRUE.equals(d.sms()));
    }

    static PlivoCountryPricing pricing(PricingDto d, String askedIso) {
        List<PlivoCountryPricing.PrefixRate> byPrefix = new ArrayList<>();
        var voice = d.voice();
        if (voice != null && voice.outbound() != null && voice.outbound().rates() != null) {
            for (PrefixRateDto row : voice.outbound().rates()) {
                Optional<Money> rate = row == null ? Optional.empty() : PlivoMapper.money(row.rate());
                if (rate.isPresent() && row.prefix() != null) {
                    List<String> prefixes = row.prefix().stream().filter(p -> p != null && !p.isBlank()).toList();
                    byPrefix.add(new PlivoCountryPricing.PrefixRate(prefixes, rate.get()));
                }
            }
        }
        var out = voice == null ? null : voice.outbound();
        var in = voice == null ? null : voice.inbound();
        var message = d.message();
        var numbers = d.phoneNumbers();
        String iso = d.countryIso() == null || d.countryIso().isBlank() ? askedIso
                : d.countryIso().toUpperCase(Locale.ROOT);
        return new PlivoCountryPricing(iso, PlivoMapper.text(d.country()), Optional.ofNullable(d.countryCode()),
                rate(message == null ? null : message.outbound()), rate(message == null ? null : message.inbound()),
                rate(out == null ? null : out.local()), rate(out == null ? null : out.tollfree()),
                rate(out == null ? null : out.ip()), byPrefix, rate(in == null ? null : in.local()),
                rate(in == null ? null : in.tollfree()), rate(in == null ? null : in.ip()),
                rate(numbers == null ? null : numbers.local()), rate(numbers == null ? null : numbers.tollfree()));
    }

    private static Optional<Money> rate(RateDto rate) {
        return rate == null ? Optional.empty() : PlivoMapper.money(rate.rate());
    }

    private static Optional<Duration> seconds(Long value) {
        return value == null || value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }

    private static Optional<Duration> secondsOf(Object raw) {
        return PlivoMapper.text(raw).flatMap(PlivoMarketplaceMapper::integer).filter(n -> n >= 0)
                .map(Duration::ofSeconds);
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(String raw) {
        if (raw == null || raw.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(String raw) {
        return raw == null ? "" : raw;
    }
}
