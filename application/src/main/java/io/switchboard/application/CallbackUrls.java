package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The status callback URL routing sets on each send: {@code <base>/<vendor>/<account name>?record=<record key>}, so
 * the receiver knows the account (and so the key to verify with) from the path and the delivery record from the
 * query. A request that carries its own status callback keeps it.
 */
public final class CallbackUrls {

    /** The query parameter that names the delivery record. */
    public static final String RECORD_PARAMETER = "record";

    private final String base;

    private CallbackUrls(String base) {
        this.base = base;
    }

    /** URLs under {@code base}, an absolute http(s) URL without query or fragment where the receiver is mounted. */
    public static CallbackUrls under(URI base) {
        Checks.required(base, "callbacks.baseUrl");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw SwitchboardException.invalid("callbacks.baseUrl", "must be an absolute http(s) URL, got '"
                    + base + "'");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw SwitchboardException.invalid("callbacks.baseUrl", "must have no query or fragment, got '"
                    + base + "'");
        }
        String text = base.toString();
        return new CallbackUrls(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The callback URL of one send of record {@code key} through {@code account}. */
    public URI of(AccountId account, String key) {
        return URI.create(base + "/" + account.vendor().name().toLowerCase(Locale.ROOT) + "/"
                + URLEncoder.encode(account.name(), StandardCharsets.UTF_8) + "?" + RECORD_PARAMETER + "="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    @Override
    public String toString() {
        return "CallbackUrls[" + base + "]";
    }
}
