package io.switchboard.sandbox.http;

/**
 * Thrown while reading a request that cannot be parsed (bad percent escape, invalid JSON); the emulator answers it
 * with its bad-request hook.
 */
public final class MalformedRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedRequestException(String message) {
    super(message);
  }

  public MalformedRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
