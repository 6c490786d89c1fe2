package io.switchboard.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vendor's sandbox prices by E.164 prefix and product, longest prefix wins. Loaded from
 * {@code prefix,rate,currency,product} CSV; the bundled decks ({@link #forVendor(String)}) hold made-up prices
 * that differ between vendors so that least-cost routing has a choice.
 */
public final class RateDeck {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final List<Rate> rates;
  private final Map<Product, Map<String, Rate>> byProduct = new EnumMap<>(Product.class);
  private final int longestPrefix;

  /** One line of a deck: the price of one unit (a segment, a message, a minute) towards numbers under prefix. */
  public record Rate(String prefix, BigDecimal rate, String currency, Product product) {
    public Rate {
      if (prefix == null || !DIGITS.matcher(prefix).matches()) {
        throw new IllegalArgumentException("'prefix' must be 1 to 15 digits, got '" + prefix + "'");
      }
      if (rate == null || rate.signum() < 0) {
        throw new IllegalArgumentException("'rate' must be zero or positive, got " + rate);
      }
      if (currency == null || !CURRENCY.matcher(currency).matches()) {
        throw new IllegalArgumentException("'currency' must be an ISO 4217 code, got '" + currency + "'");
      }
      Objects.requireNonNull(product, "product");
    }

    /** {@code rate} times {@code units}, exact. */
    public BigDecimal times(int units) {
      return rate.multiply(BigDecimal.valueOf(units));
    }
  }

  private RateDeck(List<Rate> rates) {
    this.rates = List.copyOf(rates);
    int longest = 0;
    for (Rate rate : rates) {
      Rate previous = byProduct.computeIfAbsent(rate.product(), p -> new HashMap<>()).put(rate.prefix(), rate);
      if (previous != null) {
        throw new IllegalArgumentException("two " + rate.product() + " rates for prefix " + rate.prefix());
      }
      longest = Math.max(longest, rate.prefix().length());
    }
    this.longestPrefix = longest;
  }

  /** The bundled deck of {@code twilio}, {@code plivo} or {@code telnyx}. */
  public static RateDeck forVendor(String vendor) {
    return parse(Csv.resource("/io/switchboard/sandbox/decks/" + vendor + ".csv"));
  }

  /** Parses CSV with the header {@code prefix,rate,currency,product}; errors name the line. */
  public static RateDeck parse(String csv) {
    List<Rate> rates = new ArrayList<>();
    for (Csv.Row row : Csv.parse(csv, "prefix,rate,currency,product")) {
      try {
        rates.add(new Rate(row.cell(0), new BigDecimal(row.cell(1)), row.cell(2), Product.parse(row.cell(3))));
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return new RateDeck(rates);
  }

  public static RateDeck of(List<Rate> rates) {
    return new RateDeck(rates);
  }

  /** The rate of the longest prefix of {@code e164} (leading '+' optional) for {@code product}. */
  public Optional<Rate> lookup(String e164, Product product) {
    String digits = e164.startsWith("+") ? e164.substring(1) : e164;
    Map<String, Rate> table = byProduct.get(product);
    if (table == null || !DIGITS.matcher(digits).matches()) {
      return Optional.empty();
    }
    for (int n = Math.min(digits.length(), longestPrefix); n > 0; n--) {
      Rate rate = table.get(digits.substring(0, n));
      if (rate != null) {
        return Optional.of(rate);
      }
    }
    return Optional.empty();
  }

  /** Every rate, in file order. */
  public List<Rate> rates() {
    return rates;
  }

  public List<Rate> rates(Product product) {
    return rates.stream().filter(r -> r.product() == product).toList();
  }
}
