package io.switchboard.application.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.application.Delivery;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.callback.VendorEvent;
import io.switchboard.domain.message.MessageStatus;

import java.time.Duration;
import java.util.Locale;

import static io.switchboard.application.MetricNames.CALLBACKS_REFUSED;
import static io.switchboard.application.MetricNames.CALLBACK_EVENTS;
import static io.switchboard.application.MetricNames.DELIVERY_FINAL;
import static io.switchboard.application.MetricNames.OPT_OUTS;
import static io.switchboard.application.MetricNames.READ_BACKS;
import static io.switchboard.application.MetricNames.RESENDS;
import static io.switchboard.application.MetricNames.SUPPRESSED;
import static io.switchboard.application.MetricNames.TAG_ACCOUNT;
import static io.switchboard.application.MetricNames.TAG_ACTION;
import static io.switchboard.application.MetricNames.TAG_COUNTRY;
import static io.switchboard.application.MetricNames.TAG_KIND;
import static io.switchboard.application.MetricNames.TAG_OUTCOME;
import static io.switchboard.application.MetricNames.TAG_REASON;
import static io.switchboard.application.MetricNames.TAG_RESULT;
import static io.switchboard.application.MetricNames.TAG_STATUS;
import static io.switchboard.application.MetricNames.TAG_VENDOR;
import static io.switchboard.application.MetricNames.TIME_TO_DELIVERED;

/** The lifecycle's meters (see {@link io.switchboard.application.MetricNames}). */
final class LifecycleMetrics {

    private final MeterRegistry registry;

    LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finalStatus(AccountId account, String country, MessageStatus status, Duration sinceRouted) {
        registry.counter(DELIVERY_FINAL, TAG_VENDOR, account.vendor().name(), TAG_ACCOUNT, account.toString(),
                TAG_COUNTRY, country, TAG_STATUS, lower(status.name())).increment();
        if (status == MessageStatus.DELIVERED) {
            Timer.builder(TIME_TO_DELIVERED).tags(TAG_VENDOR, account.vendor().name(), TAG_ACCOUNT,
                    account.toString(), TAG_COUNTRY, country).register(registry)
                    .record(sinceRouted.isNegative() ? Duration.ZERO : sinceRouted);
        }
    }

    void event(VendorEvent event, String result) {
        registry.counter(CALLBACK_EVENTS, TAG_VENDOR, event.account().vendor().name(), TAG_KIND,
                lower(event.kind().name()), TAG_RESULT, result).increment();
    }

    void refused(String vendor, String reason) {
        registry.counter(CALLBACKS_REFUSED, TAG_VENDOR, vendor, TAG_REASON, lower(reason)).increment();
    }

    void resend(String country, Delivery delivery) {
        String outcome = delivery instanceof Delivery.Sent ? "sent"
                : delivery instanceof Delivery.OutcomeUnknown ? "outcome_unknown" : "not_sent";
        registry.counter(RESENDS, TAG_COUNTRY, country, TAG_OUTCOME, outcome).increment();
    }

    void suppressed(String country) {
        registry.counter(SUPPRESSED, TAG_COUNTRY, country).increment();
    }

    void optOut(AccountId account, String action) {
        registry.counter(OPT_OUTS, TAG_VENDOR, account.vendor().name(), TAG_ACCOUNT, account.toString(), TAG_ACTION,
                action).increment();
    }

    void readBack(AccountId account, String result) {
        registry.counter(READ_BACKS, TAG_VENDOR, account.vendor().name(), TAG_ACCOUNT, account.toString(),
                TAG_RESULT, result).increment();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
