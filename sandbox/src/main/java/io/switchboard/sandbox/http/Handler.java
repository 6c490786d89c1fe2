package io.switchboard.sandbox.http;

/** Answers one routed request; may throw {@link Halt} to answer early. */
@FunctionalInterface
public interface Handler {
  Response handle(Request request);
}
