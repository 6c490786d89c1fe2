package io.switchboard.sandbox.http;

import java.util.Objects;

/**
 * Unwinds a handler with a finished response, so validation deep in an emulator can answer a vendor error in one
 * line: {@code throw new Halt(error(400, "'To' is required"))}.
 */
public final class Halt extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Response response;

  public Halt(Response response) {
    super("halted with HTTP " + response.status(), null, false, false);
    this.response = Objects.requireNonNull(response, "response");
  }

  public Response response() {
    return response;
  }
}
