package io.switchboard.sandbox.callbacks;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What happens to an accepted message after the send: its final result (delivered, undelivered or failed, with the
 * vendor's error code) and how its status callbacks travel (in order, final first, the final one twice, held until
 * released, late, or not at all). Combine the shapes: {@code Outcome.undelivered("30003").finalTwice().heldUntilReleased()}.
 *
 * @param errorCode the vendor's code for undelivered / failed, as the vendor writes it; null takes the emulator's
 *     default for that result
 * @param outOfOrder the final status callback goes out before the intermediate {@code sent} one
 * @param duplicated the final status callback is sent twice, the same callback both times (same idempotency token,
 *     event id or content)
 * @param held the callbacks wait until {@link Callbacks#release()} (or the control API's release)
 * @param delay the callbacks start this long after the send (zero: at once)
 * @param silent no callback is sent at all; the stored message still reaches its final status, for reading back
 */
public record Outcome(Result result, String errorCode, boolean outOfOrder, boolean duplicated, boolean held,
    Duration delay, boolean silent) {

  /** The final status of the message, named in each vendor's own words on the wire. */
  public enum Result { DELIVERED, UNDELIVERED, FAILED }

  public Outcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("'delay' must not be negative, got " + delay);
    }
    if (result == Result.DELIVERED && errorCode != null) {
      throw new IllegalArgumentException("'errorCode' must be null for a delivered outcome, got '" + errorCode + "'");
    }
    if (errorCode != null && errorCode.isBlank()) {
      throw new IllegalArgumentException("'errorCode' must not be blank");
    }
  }

  /** Delivered, callbacks in order: what every destination gets unless scripted. */
  public static Outcome delivered() {
    return new Outcome(Result.DELIVERED, null, false, false, false, Duration.ZERO, false);
  }

  /** Sent, then undelivered with the vendor's {@code errorCode} (null: the emulator's default code). */
  public static Outcome undelivered(String errorCode) {
    return new Outcome(Result.UNDELIVERED, errorCode, false, false, false, Duration.ZERO, false);
  }

  /** Failed before reaching the carrier, with the vendor's {@code errorCode} (null: the emulator's default code). */
  public static Outcome failed(String errorCode) {
    return new Outcome(Result.FAILED, errorCode, false, false, false, Duration.ZERO, false);
  }

  /** {@code delivered}, {@code undelivered} or {@code failed}, case-insensitive. */
  public static Outcome of(String result, String errorCode) {
    return switch (result == null ? "" : result.toLowerCase(Locale.ROOT)) {
      case "delivered" -> delivered();
      case "undelivered" -> undelivered(errorCode);
      case "failed" -> failed(errorCode);
      default -> throw new IllegalArgumentException("'result' must be delivered, undelivered or failed, got '"
          + result + "'");
    };
  }

  /** The final status callback arrives before the intermediate {@code sent} one. */
  public Outcome finalFirst() {
    return new Outcome(result, errorCode, true, duplicated, held, delay, silent);
  }

  /** The final status callback arrives twice, identical but for per-request signing nonces. */
  public Outcome finalTwice() {
    return new Outcome(result, errorCode, outOfOrder, true, held, delay, silent);
  }

  /** No callback goes until released (and the stored message does not move until then). */
  public Outcome heldUntilReleased() {
    return new Outcome(result, errorCode, outOfOrder, duplicated, true, delay, silent);
  }

  /** The callbacks start {@code after} the send (prefer {@link #heldUntilReleased()} in tests). */
  public Outcome late(Duration after) {
    return new Outcome(result, errorCode, outOfOrder, duplicated, held, after, silent);
  }

  /** No callback at all; the stored message still moves, for a client that reads it back. */
  public Outcome noCallbacks() {
    return new Outcome(result, errorCode, outOfOrder, duplicated, held, delay, true);
  }

  /** The error code, or {@code fallback} when none was given; null when delivered. */
  public String errorCodeOr(String fallback) {
    return result == Result.DELIVERED ? null : errorCode != null ? errorCode : fallback;
  }
}
