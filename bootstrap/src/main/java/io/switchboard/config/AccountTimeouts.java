package io.switchboard.config;

import java.time.Duration;
import java.util.Optional;

/**
 * An account's HTTP timeouts as the file sets them; each one not set keeps the adapter's default (connect 5 s, each
 * read or write 20 s, a whole exchange 60 s). Whatever they say, a send's routing deadline cuts them to the time it
 * has left.
 *
 * @param connect the time to open a connection
 * @param read the time for each read or write on it
 * @param call the time for a whole exchange, which cuts off an answer that trickles in under the read timeout
 */
public record AccountTimeouts(Optional<Duration> connect, Optional<Duration> read, Optional<Duration> call) {

    public static final AccountTimeouts DEFAULTS = new AccountTimeouts(Optional.empty(), Optional.empty(),
            Optional.empty());
}
