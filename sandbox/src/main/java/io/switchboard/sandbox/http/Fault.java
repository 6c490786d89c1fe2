package io.switchboard.sandbox.http;

import java.time.Duration;
import java.util.Objects;

/**
 * One way for an emulator to misbehave on a request, scheduled through {@link Faults}. Whether the emulator's
 * handler runs (so its state and the ledger change) depends on the kind and is stated on each factory.
 */
public sealed interface Fault {

  /** Answers {@code response} instead; the handler does not run (the vendor refused the request). */
  static Fault respond(Response response) {
    return new Respond(response);
  }

  /** Waits {@code duration} before processing; combines with one other fault on the same request. */
  static Fault delay(Duration duration) {
    return new Delay(duration);
  }

  /** Closes the connection without any response; the handler does not run (failure before acceptance). */
  static Fault resetBeforeResponse() {
    return new Reset(false);
  }

  /**
   * The handler runs, then the status line, headers announcing the full Content-Length and a few body bytes are sent
   * and the connection is closed: the client sees an unexpected end of stream, with an unknown outcome.
   */
  static Fault resetMidResponse() {
    return new Reset(true);
  }

  /**
   * The handler runs but the response is held until {@link Faults#clear()} (then it is sent, late) or the emulator
   * closes (then the connection is dropped): the client sees a read timeout, the unknown-outcome case.
   */
  static Fault hang() {
    return new Hang();
  }

  /** The handler runs; its response is replaced by truncated JSON with {@code status} (200 or 201). */
  static Fault malformedJson(int status) {
    return new MalformedJson(status);
  }

  /** A proxy's HTML error page with status 200; the handler does not run. */
  static Fault htmlPage() {
    return new HtmlPage(200);
  }

  /** A proxy's HTML error page with {@code status}; the handler does not run. */
  static Fault htmlPage(int status) {
    return new HtmlPage(status);
  }

  /**
   * A debugging proxy's error page with {@code status} that echoes the request it got: the request line, every
   * header (credentials included, as such proxies do) and the body. The handler does not run.
   */
  static Fault echoRequest(int status) {
    return new EchoRequest(status);
  }

  /** The handler runs; its headers go out at once, then the body one byte per {@code perByte}. */
  static Fault drip(Duration perByte) {
    return new Drip(perByte);
  }

  /** See {@link #respond(Response)}. */
  record Respond(Response response) implements Fault {
    public Respond {
      Objects.requireNonNull(response, "response");
    }
  }

  /** See {@link #delay(Duration)}. */
  record Delay(Duration duration) implements Fault {
    public Delay {
      requirePositive(duration, "duration");
    }
  }

  /** See {@link #resetBeforeResponse()} and {@link #resetMidResponse()}. */
  record Reset(boolean afterProcessing) implements Fault {}

  /** See {@link #hang()}. */
  record Hang() implements Fault {}

  /** See {@link #malformedJson(int)}. */
  record MalformedJson(int status) implements Fault {}

  /** See {@link #htmlPage(int)}. */
  record HtmlPage(int status) implements Fault {}

  /** See {@link #echoRequest(int)}. */
  record EchoRequest(int status) implements Fault {}

  /** See {@link #drip(Duration)}. */
  record Drip(Duration perByte) implements Fault {
    public Drip {
      requirePositive(perByte, "perByte");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("'" + name + "' must be a positive duration, got " + d);
    }
  }
}
