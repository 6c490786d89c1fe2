package io.switchboard.sandbox;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phone numbers a sandbox account owns, with what each can do. Loaded from
 * {@code number,country,capabilities,type} CSV, capabilities joined with '|'; the bundled sets use ranges
 * reserved for fiction (NANP 555-01xx, UK 07700 900xxx, AU 0491 570xxx).
 */
public final class NumberInventory {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private final Map<String, OwnedNumber> numbers;

  /** One owned number: E.164, ISO 3166 alpha-2 country, capabilities, and the vendor's number type. */
  public record OwnedNumber(String number, String country, Set<Product> capabilities, String type) {
    public OwnedNumber {
      if (number == null || !E164.matcher(number).matches()) {
        throw new IllegalArgumentException("'number' must be E.164, got '" + number + "'");
      }
      if (country == null || !country.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException("'country' must be ISO 3166 alpha-2, got '" + country + "'");
      }
      capabilities = Set.copyOf(capabilities);
    }

    public boolean can(Product product) {
      return capabilities.contains(product);
    }
  }

  private NumberInventory(List<OwnedNumber> list) {
    Map<String, OwnedNumber> map = new LinkedHashMap<>();
    for (OwnedNumber n : list) {
      if (map.put(n.number(), n) != null) {
        throw new IllegalArgumentException("number " + n.number() + " listed twice");
      }
    }
    this.numbers = map;
  }

  /** The bundled numbers of {@code twilio}, {@code plivo} or {@code telnyx}. */
  public static NumberInventory forVendor(String vendor) {
    return parse(Csv.resource("/io/switchboard/sandbox/numbers/" + vendor + ".csv"));
  }

  public static NumberInventory parse(String csv) {
    List<OwnedNumber> list = new ArrayList<>();
    for (Csv.Row row : Csv.parse(csv, "number,country,capabilities,type")) {
      try {
        Set<Product> caps = EnumSet.noneOf(Product.class);
        for (String cap : row.cell(2).split("\\|")) {
          caps.add(Product.parse(cap));
        }
        list.add(new OwnedNumber(row.cell(0), row.cell(1), caps, row.cell(3)));
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return new NumberInventory(list);
  }

  public static NumberInventory of(List<OwnedNumber> numbers) {
    return new NumberInventory(numbers);
  }

  /** Every number, in file order. */
  public List<OwnedNumber> all() {
    return List.copyOf(numbers.values());
  }

  public Optional<OwnedNumber> find(String number) {
    return Optional.ofNullable(numbers.get(number));
  }

  public boolean owns(String number) {
    return numbers.containsKey(number);
  }

  public List<OwnedNumber> with(Product capability) {
    return numbers.values().stream().filter(n -> n.can(capability)).toList();
  }

  public List<OwnedNumber> inCountry(String country) {
    return numbers.values().stream().filter(n -> n.country().equals(country)).toList();
  }
}
