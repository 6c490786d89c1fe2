package io.switchboard.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks known secret values in everything the program prints. The configuration's secrets are registered as soon as
 * the file is loaded; nothing the program prints on purpose holds one, so this is a second line of defence against a
 * vendor echoing a credential in an error body.
 */
final class Redactor {

    static final String MASK = "****";
    /** Shorter values would mask ordinary words; no vendor issues secrets that short. */
    private static final int MIN_LENGTH = 6;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    String apply(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** A print writer over {@code target} that masks secrets in every string written; flushes on each line. */
    PrintWriter wrap(Writer target) {
        return new PrintWriter(new FilterWriter(target) {
            @Override
            public void write(String text, int offset, int length) throws IOException {
                String masked = apply(text.substring(offset, offset + length));
                out.write(masked, 0, masked.length());
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                write(new String(chars, offset, length), 0, length);
            }
        }, true);
    }
}
