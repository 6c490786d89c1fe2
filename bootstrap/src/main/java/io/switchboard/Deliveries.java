package io.switchboard;

import io.switchboard.application.lifecycle.CallbackReceiver;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.application.lifecycle.Lifecycle;
import io.switchboard.application.lifecycle.Reconciler;
import io.switchboard.application.lifecycle.RecordQuery;
import io.switchboard.application.lifecycle.SuppressionList;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.callback.WebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Messages after routing: one delivery record per message (looked up by client reference or vendor id, listed by
 * filter, followed by subscription), the receiver for the vendors' status callbacks, the opted-out numbers every
 * account's sends check, and read-back of messages no callback finished. See docs/lifecycle.md.
 *
 * <p>Mounting the receiver in a web application: hand each request under the callback base URL to
 * {@link #receive(String, String, Map, byte[])} with the full URL the vendor called, and answer with the receipt's
 * {@code httpStatus()}.
 */
public final class Deliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Lifecycle lifecycle;
    private final CallbackReceiver receiver;
    private final Reconciler reconciler;
    private final ScheduledExecutorService schedule;
    private final Optional<URI> callbackBaseUrl;

    Deliveries(Lifecycle lifecycle, CallbackReceiver receiver, Reconciler reconciler, Duration every,
            URI callbackBaseUrl) {
        this.callbackBaseUrl = Optional.ofNullable(callbackBaseUrl);
        this.lifecycle = lifecycle;
        this.receiver = receiver;
        this.reconciler = reconciler;
        if (every == null) {
            this.schedule = null;
        } else {
            this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "switchboard-read-back");
                thread.setDaemon(true);
                return thread;
            });
            long millis = every.toMillis();
            schedule.scheduleWithFixedDelay(this::reconcileQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Where the receiver is mounted, as vendors call it, when a callback base URL is configured. */
    public Optional<URI> callbackBaseUrl() {
        return callbackBaseUrl;
    }

    /** One vendor callback: verifies, applies, and says what to answer. Never throws for what a caller sends. */
    public CallbackReceiver.Receipt receive(String method, String url, Map<String, ? extends List<String>> headers,
            byte[] body) {
        return receiver.receive(method, url, headers, body);
    }

    public CallbackReceiver.Receipt receive(WebhookRequest request) {
        return receiver.receive(request);
    }

    /** The record of the message routed with this client reference (or record key). */
    public Optional<DeliveryRecord> record(String key) {
        return lifecycle.records().get(Checks.notBlank(key, "key"));
    }

    /** The record one of whose sends has this vendor id on this account. */
    public Optional<DeliveryRecord> byVendorId(AccountId account, String vendorId) {
        Checks.required(account, "account");
        Checks.notBlank(vendorId, "vendorId");
        return lifecycle.records().keyOf(account, vendorId).flatMap(lifecycle.records()::get);
    }

    /** Records matching {@code query}, newest first. */
    public List<DeliveryRecord> list(RecordQuery query) {
        return lifecycle.records().list(Checks.required(query, "query"));
    }

    /** Calls {@code listener} with a record after each change; close the answer to stop. */
    public AutoCloseable subscribe(Consumer<DeliveryRecord> listener) {
        return lifecycle.subscribe(listener);
    }

    /** Calls {@code listener} with every verified event (call status and inbound messages included). */
    public AutoCloseable subscribeEvents(Consumer<VendorEvent> listener) {
        return lifecycle.subscribeEvents(listener);
    }

    /** The opted-out numbers; add or remove entries by hand here. */
    public SuppressionList suppressions() {
        return lifecycle.suppressions();
    }

    /** Reads back now the messages due (no final status after the configured time, or an unknown outcome). */
    public Reconciler.Summary reconcile() {
        return reconciler.run();
    }

    private void reconcileQuietly() {
        try {
            reconciler.run();
        } catch (RuntimeException e) {
            LOG.warn("read-back run failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
