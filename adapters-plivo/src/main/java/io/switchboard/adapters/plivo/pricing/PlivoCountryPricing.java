package io.switchboard.adapters.plivo.pricing;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.List;
import java.util.Optional;

/**
 * Plivo's rates for one country, per message and per minute, inbound and outbound, and the monthly rental of its
 * numbers. {@code voiceOutboundByPrefix} lists the outbound per-minute rate of each destination prefix.
 */
public record PlivoCountryPricing(
        String countryIso,
        Optional<String> country,
        Optional<Integer> countryCode,
        Optional<Money> messageOutbound,
        Optional<Money> messageInbound,
        Optional<Money> voiceOutboundLocal,
        Optional<Money> voiceOutboundTollfree,
        Optional<Money> voiceOutboundIp,
        List<PrefixRate> voiceOutboundByPrefix,
        Optional<Money> voiceInboundLocal,
        Optional<Money> voiceInboundTollfree,
        Optional<Money> voiceInboundIp,
        Optional<Money> localNumberMonthly,
        Optional<Money> tollfreeNumberMonthly) {

    public PlivoCountryPricing {
        Checks.notBlank(countryIso, "country_iso");
        voiceOutboundByPrefix = Checks.listOf(voiceOutboundByPrefix, "rates");
    }

    /** A per-minute rate for the destinations starting with any of {@code prefixes}. */
    public record PrefixRate(List<String> prefixes, Money rate) {

        public PrefixRate {
            prefixes = Checks.listOf(prefixes, "prefix");
            Checks.required(rate, "rate");
        }
    }
}
