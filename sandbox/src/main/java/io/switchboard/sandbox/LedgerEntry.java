package io.switchboard.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One message or call that an emulator accepted, with what it billed. {@code units} are the segments billed for a
 * message (1 for MMS) and the minutes billed for a call; {@code price} is the positive amount as a plain decimal
 * string ({@code "0.0158"}) in {@code currency}. Optional fields are null when absent.
 */
public record LedgerEntry(
    Kind kind,
    String vendor,
    String account,
    String id,
    String from,
    String to,
    String text,
    String clientReference,
    String channel,
    int units,
    String price,
    String currency,
    Instant acceptedAt) {

  /** A message (SMS, MMS, WhatsApp) or a call. */
  public enum Kind { MESSAGE, CALL }

  public LedgerEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    if (units < 0) {
      throw new IllegalArgumentException("'units' must not be negative, got " + units);
    }
  }

  /** Starts the description of an accepted message for {@link VendorEmulator#accept(Draft)}. */
  public static Draft message(String account, String id) {
    return new Draft(Kind.MESSAGE, account, id).channel("sms");
  }

  /** Starts the description of an accepted call for {@link VendorEmulator#accept(Draft)}; one minute unless set. */
  public static Draft call(String account, String id) {
    return new Draft(Kind.CALL, account, id).channel("voice").minutes(1);
  }

  /**
   * What a handler knows when it accepts something; the emulator adds vendor, units, price and time. Channel is
   * {@code sms} (default for messages), {@code mms}, {@code whatsapp} or {@code voice}.
   */
  public static final class Draft {
    final Kind kind;
    final String account;
    final String id;
    String from;
    String to;
    String text;
    String clientReference;
    String channel;
    int minutes;

    private Draft(Kind kind, String account, String id) {
      this.kind = kind;
      this.account = Objects.requireNonNull(account, "account");
      this.id = Objects.requireNonNull(id, "id");
    }

    public Draft from(String value) {
      from = value;
      return this;
    }

    public Draft to(String value) {
      to = value;
      return this;
    }

    public Draft text(String value) {
      text = value;
      return this;
    }

    public Draft clientReference(String value) {
      clientReference = value;
      return this;
    }

    public Draft channel(String value) {
      channel = Objects.requireNonNull(value, "channel");
      return this;
    }

    /** Minutes billed for a call (the sandbox decides how long a call lasts). */
    public Draft minutes(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("'minutes' must not be negative, got " + value);
      }
      minutes = value;
      return this;
    }
  }
}
