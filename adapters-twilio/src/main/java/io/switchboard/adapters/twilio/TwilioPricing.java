package io.switchboard.adapters.twilio;

import io.switchboard.adapters.twilio.TwilioDtos.CarrierPrices;
import io.switchboard.adapters.twilio.TwilioDtos.CountryPage;
import io.switchboard.adapters.twilio.TwilioDtos.CountryRef;
import io.switchboard.adapters.twilio.TwilioDtos.MessagingCountryDto;
import io.switchboard.adapters.twilio.TwilioDtos.NumberTypePrice;
import io.switchboard.adapters.twilio.TwilioDtos.PrefixPrice;
import io.switchboard.adapters.twilio.TwilioDtos.VoiceCountryDto;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.port.PricingPort;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Twilio's Pricing API as rate-deck rows. Voice prices come by destination prefix and map one to one (the highest
 * price where a prefix appears under several origination groups). Messaging prices come by carrier and number type
 * with no prefixes, so every prefix of the country gets the country's highest messaging price: never under-quote. The
 * country's prefixes are the shortest destination prefixes of its voice prices, the only place Twilio publishes them.
 */
final class TwilioPricing implements PricingPort {

    private static final Pattern ISO = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");

    private final TwilioContext ctx;

    TwilioPricing(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<RateDeck.Entry> rates(String countryIso, Product product) {
        return ctx.guard(() -> {
            String iso = iso(countryIso);
            Checks.required(product, "product");
            return switch (product) {
                case SMS -> smsRates(iso);
                case VOICE -> voiceRates(voiceCountry(iso));
                case MMS, WHATSAPP -> throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED,
                        "Twilio's Pricing API publishes no " + product + " prices").withAccount(ctx.account()));
            };
        });
    }

    /** Every carrier and number type Twilio prices for outbound messages to the country. */
    List<CarrierPrice> messagingPrices(String countryIso) {
        MessagingCountryDto country = messagingCountry(iso(countryIso));
        List<CarrierPrice> prices = new ArrayList<>();
        for (CarrierPrices carrier : nonNull(country.outboundSmsPrices())) {
            for (NumberTypePrice p : nonNull(carrier == null ? null : carrier.prices())) {
                Optional<Money> current = price(p.currentPrice(), p.basePrice(), country.priceUnit());
                if (current.isPresent()) {
                    prices.add(new CarrierPrice(carrier.carrier(), carrier.mcc(), carrier.mnc(), p.numberType(),
                            TwilioValues.positiveMoney(p.basePrice(), country.priceUnit()).orElse(null),
                            current.get()));
                }
            }
        }
        return List.copyOf(prices);
    }

    /** The highest per-minute price of a call to {@code number}, over every origination Twilio lists. */
    Optional<Rate> voiceRateTo(PhoneNumber number) {
        Checks.required(number, "number");
        var answer = ctx.exchange.read(ctx.http.pricing.voiceNumber(number.e164()), "get voice price", dto -> dto);
        String unit = answer.priceUnit();
        return nonNull(answer.outboundCallPrices()).stream()
                .filter(p -> p != null)
                .map(p -> price(p.currentPrice(), p.basePrice(), unit))
                .flatMap(Optional::stream)
                .max(Money::compareTo)
                .map(max -> new Rate(max, RateUnit.MINUTE));
    }

    /** ISO codes of every country Twilio prices for {@code product} (SMS or VOICE), following {@code meta} paging. */
    List<String> pricedCountries(Product product) {
        Checks.required(product, "product");
        if (product != Product.SMS && product != Product.VOICE) {
            throw new SwitchboardException(Failure.of(FailureKind.UNSUPPORTED,
                    "Twilio's Pricing API publishes no " + product + " prices").withAccount(ctx.account()));
        }
        retrofit2.Call<CountryPage> call = product == Product.SMS
                ? ctx.http.pricing.messagingCountries(TwilioPager.MAX_PAGE_SIZE)
                : ctx.http.pricing.voiceCountries(TwilioPager.MAX_PAGE_SIZE);
        List<String> isos = new ArrayList<>();
        for (int pages = 0; call != null; pages++) {
            if (pages == Pages.MAX_PAGES) {
                throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE, "Twilio's country list did not end")
                        .withAccount(ctx.account()));
            }
            CountryPage page = ctx.exchange.read(call, "list priced countries", dto -> dto);
            for (CountryRef ref : nonNull(page.countries())) {
                if (ref != null && ref.isoCountry() != null) {
                    isos.add(ref.isoCountry());
                }
            }
            String next = page.meta() == null ? null : page.meta().nextPageUrl();
            call = next == null || next.isBlank() ? null
                    : ctx.http.pricing.countriesPage(TwilioPager.follow(ctx.config.pricingBaseUrl(), next));
        }
        return List.copyOf(isos);
    }

    private List<RateDeck.Entry> smsRates(String iso) {
        MessagingCountryDto messaging = messagingCountry(iso);
        Optional<Money> highest = Optional.empty();
        for (CarrierPrices carrier : nonNull(messaging.outboundSmsPrices())) {
            for (NumberTypePrice p : nonNull(carrier == null ? null : carrier.prices())) {
                Optional<Money> price = p == null ? Optional.empty()
                        : price(p.currentPrice(), p.basePrice(), messaging.priceUnit());
                if (price.isPresent() && (highest.isEmpty() || price.get().isGreaterThan(highest.get()))) {
                    highest = price;
                }
            }
        }
        if (highest.isEmpty()) {
            return List.of();
        }
        Rate rate = new Rate(highest.get(), RateUnit.SEGMENT);
        return countryPrefixes(voiceCountry(iso)).stream().map(prefix -> new RateDeck.Entry(prefix, rate)).toList();
    }

    static List<RateDeck.Entry> voiceRates(VoiceCountryDto voice) {
        TreeMap<String, Money> byPrefix = new TreeMap<>();
        for (PrefixPrice group : nonNull(voice.outboundPrefixPrices())) {
            Optional<Money> price = group == null ? Optional.empty()
                    : price(group.currentPrice(), group.basePrice(), voice.priceUnit());
            if (price.isEmpty()) {
                continue;
            }
            for (String prefix : nonNull(group.destinationPrefixes())) {
                if (prefix != null && DIGITS.matcher(prefix.trim()).matches()) {
                    byPrefix.merge(prefix.trim(), price.get(), (a, b) -> a.isGreaterThan(b) ? a : b);
                }
            }
        }
        return byPrefix.entrySet().stream()
                .map(e -> new RateDeck.Entry(e.getKey(), new Rate(e.getValue(), RateUnit.MINUTE))).toList();
    }

    /** The shortest destination prefixes: those no other prefix of the country covers. */
    static List<String> countryPrefixes(VoiceCountryDto voice) {
        List<String> all = voiceRates(voice).stream().map(RateDeck.Entry::prefix).sorted().toList();
        List<String> shortest = new ArrayList<>();
        for (String prefix : all) {
            if (shortest.stream().noneMatch(prefix::startsWith)) {
                shortest.add(prefix);
            }
        }
        return shortest;
    }

    private MessagingCountryDto messagingCountry(String iso) {
        return ctx.exchange.read(ctx.http.pricing.messagingCountry(iso), "get messaging prices", dto -> dto);
    }

    private VoiceCountryDto voiceCountry(String iso) {
        return ctx.exchange.read(ctx.http.pricing.voiceCountry(iso), "get voice prices", dto -> dto);
    }

    /** Twilio's current price, or its base price when no current one is given; positive. */
    private static Optional<Money> price(String current, String base, String unit) {
        return TwilioValues.positiveMoney(current, unit).or(() -> TwilioValues.positiveMoney(base, unit));
    }

    private static String iso(String countryIso) {
        Checks.notBlank(countryIso, "countryIso");
        if (!ISO.matcher(countryIso.trim()).matches()) {
            throw SwitchboardException.invalid("countryIso", "must be an ISO 3166 alpha-2 code, got '" + countryIso
                    + "'");
        }
        return countryIso.trim().toUpperCase(Locale.ROOT);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
