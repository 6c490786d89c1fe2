package io.switchboard.domain.port;

import io.switchboard.domain.callback.CallbackResult;
import io.switchboard.domain.callback.WebhookRequest;

/**
 * Reads the callbacks one account's vendor sends (message and call status, inbound messages): verifies the
 * signature first, and only then parses. Never throws for anything a caller can send: a forged, malformed or
 * truncated request is a {@link CallbackResult.Refused}.
 */
public interface CallbacksPort {

    CallbackResult receive(WebhookRequest request);
}
