package io.switchboard.adapters.http;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection pools the library creates: one per application pool and idle limit, shared by every account client
 * derived from that application pool, and evicted when the last of those clients is closed. OkHttp does not say how
 * long a pool keeps idle connections, so an application pool cannot be trusted to retire them in time.
 */
final class IdlePools {

    /** Weak keys: the library's pools go when the application's pool does. */
    private static final Map<ConnectionPool, Map<Duration, Shared>> POOLS = new WeakHashMap<>();

    private IdlePools() {
    }

    /** A lease on the pool for clients derived from {@code shared}, closing idle connections after {@code maxIdle}. */
    static Lease lease(OkHttpClient shared, Duration maxIdle) {
        synchronized (POOLS) {
            Shared pool = POOLS.computeIfAbsent(shared.connectionPool(), k -> new HashMap<>())
                    .computeIfAbsent(maxIdle, d -> new Shared(new ConnectionPool(
                            // Never more idle connections than the dispatcher runs requests at once: no burst the
                            // application allows could reuse more.
                            Math.max(5, shared.dispatcher().getMaxRequests()), d.toMillis(), TimeUnit.MILLISECONDS)));
            pool.leases++;
            return new Lease(shared.connectionPool(), maxIdle, pool);
        }
    }

    private static final class Shared {
        final ConnectionPool pool;
        int leases;

        Shared(ConnectionPool pool) {
            this.pool = pool;
        }
    }

    /** One account client's use of a library pool; {@link #release()} is idempotent. */
    static final class Lease {
        private final ConnectionPool key;
        private final Duration maxIdle;
        private final Shared shared;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(ConnectionPool key, Duration maxIdle, Shared shared) {
            this.key = key;
            this.maxIdle = maxIdle;
            this.shared = shared;
        }

        ConnectionPool pool() {
            return shared.pool;
        }

        /** Gives the lease back; the last one evicts the pool's idle connections and forgets the pool. */
        void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            boolean last;
            synchronized (POOLS) {
                last = --shared.leases == 0;
                if (last) {
                    Map<Duration, Shared> byIdle = POOLS.get(key);
                    if (byIdle != null && byIdle.get(maxIdle) == shared) {
                        byIdle.remove(maxIdle);
                        if (byIdle.isEmpty()) {
                            POOLS.remove(key);
                        }
                    }
                }
            }
            if (last) {
                shared.pool.evictAll();
            }
        }
    }
}
