package io.switchboard.adapters.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Decoding of form and query text that never throws on what a caller sends (webhook signatures read it). */
public final class FormDecoding {

    private FormDecoding() {
    }

    /**
     * Form decoding as {@link java.net.URLDecoder} does it ({@code +} is a space, each run of {@code %XX} one UTF-8
     * text), except that a malformed escape ({@code %zz}, a trailing {@code %}) is kept as written where URLDecoder
     * throws.
     */
    public static String lenient(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && HexFormat.isHexDigit(s.charAt(i + 1))
                    && HexFormat.isHexDigit(s.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c == '+' ? ' ' : c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
