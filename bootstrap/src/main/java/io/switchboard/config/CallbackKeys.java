package io.switchboard.config;

import io.switchboard.application.CallbackUrls;
import io.switchboard.application.lifecycle.ResendPolicy;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The keys of the {@code callbacks} section (docs/configuration.md). */
final class CallbackKeys {

    private CallbackKeys() {
    }

    static CallbacksConfig callbacks(Node node) {
        if (node.isMissing()) {
            return CallbacksConfig.DEFAULTS;
        }
        node.onlyKeys(Set.of("baseUrl", "resend", "reconcile"));
        Optional<URI> baseUrl = node.get("baseUrl").isMissing() ? Optional.empty()
                : Optional.of(baseUrl(node.get("baseUrl")));
        ResendPolicy resend = resend(node.get("resend"));
        Node reconcile = node.get("reconcile");
        CallbacksConfig defaults = CallbacksConfig.DEFAULTS;
        if (reconcile.isMissing()) {
            return new CallbacksConfig(baseUrl, resend, defaults.reconcileAfter(), Optional.empty(),
                    defaults.reconcileMaxPerRun());
        }
        reconcile.onlyKeys(Set.of("after", "every", "maxPerRun"));
        Duration after = reconcile.get("after").isMissing() ? defaults.reconcileAfter()
                : ResilienceKeys.positiveDuration(reconcile.get("after"));
        Optional<Duration> every = reconcile.get("every").isMissing() ? Optional.empty()
                : Optional.of(ResilienceKeys.positiveDuration(reconcile.get("every")));
        int maxPerRun = defaults.reconcileMaxPerRun();
        if (!reconcile.get("maxPerRun").isMissing()) {
            maxPerRun = reconcile.get("maxPerRun").positiveInt();
            if (maxPerRun > 10_000) {
                throw reconcile.get("maxPerRun").error("must be at most 10000, got " + maxPerRun);
            }
        }
        return new CallbacksConfig(baseUrl, resend, after, every, maxPerRun);
    }

    private static URI baseUrl(Node node) {
        URI uri;
        try {
            uri = new URI(node.text().trim());
        } catch (URISyntaxException e) {
            throw node.error("must be an absolute http(s) URL, got '" + node.text() + "'");
        }
        try {
            CallbackUrls.under(uri);
        } catch (SwitchboardException e) {
            throw node.error("must be an absolute http(s) URL with no query or fragment, got '" + node.text() + "'");
        }
        return uri;
    }

    private static ResendPolicy resend(Node node) {
        if (node.isMissing()) {
            return ResendPolicy.OFF;
        }
        node.onlyKeys(Set.of("enabled", "window", "maxResends"));
        boolean enabled = !node.get("enabled").isMissing() && bool(node.get("enabled"));
        Duration window = node.get("window").isMissing() ? ResendPolicy.OFF.window()
                : ResilienceKeys.duration(node.get("window"));
        int max = node.get("maxResends").isMissing() ? ResendPolicy.OFF.maxResends()
                : node.get("maxResends").positiveInt();
        try {
            return new ResendPolicy(enabled, window, max);
        } catch (SwitchboardException e) {
            throw node.error(e.failure().message());
        }
    }

    private static boolean bool(Node node) {
        String text = node.text().trim();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw node.error("must be true or false, got '" + node.text() + "'");
    }
}
