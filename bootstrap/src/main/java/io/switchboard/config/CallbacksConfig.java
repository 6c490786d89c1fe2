package io.switchboard.config;

import io.switchboard.application.lifecycle.ResendPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code callbacks} section: where the receiver is mounted, re-sends and read-back.
 *
 * @param baseUrl the receiver's base URL; absent, sends carry no callback URL of ours
 * @param resend when an undelivered message is sent again
 * @param reconcileAfter how old a message with no final status must be before it is read back
 * @param reconcileEvery how often read-back runs; absent, only when asked (or every minute once baseUrl is set)
 * @param reconcileMaxPerRun the most messages read back per run
 */
public record CallbacksConfig(Optional<URI> baseUrl, ResendPolicy resend, Duration reconcileAfter,
        Optional<Duration> reconcileEvery, int reconcileMaxPerRun) {

    public static final CallbacksConfig DEFAULTS = new CallbacksConfig(Optional.empty(), ResendPolicy.OFF,
            Duration.ofMinutes(15), Optional.empty(), 100);
}
