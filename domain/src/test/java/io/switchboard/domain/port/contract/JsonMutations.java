package io.switchboard.domain.port.contract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random mutations of a valid vendor answer, for the adapters' parsing properties: a value swapped for one of another
 * type or an extreme one, a character dropped or inserted, the text cut short. Works on the text, so it needs no JSON
 * library and can also produce what no JSON library would.
 */
public final class JsonMutations {

    private static final Pattern SCALAR = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null");
    private static final List<String> VALUES = List.of("null", "0", "-1", "1e309", "-0.0", "\"\"", "\"x\"", "[]",
            "{}", "true", "[null]", "{\"a\":null}", "\"\\u0000\"", "\"\\ud800\"", "123456789012345678901234567890",
            "\"" + "9".repeat(400) + "\"", "\"2026-13-45T99:99:99Z\"", "\"not a date\"", "\"+\"", "\"NaN\"",
            "\"-0.0075\"", "\"€\"", "[[[[[[[[]]]]]]]]");
    private static final String PUNCTUATION = "{}[],:\"\\ ";

    private JsonMutations() {
    }

    /** {@code valid} with one to four random mutations. */
    public static Arbitrary<String> of(String valid) {
        Arbitrary<int[]> mutation = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as((kind, at, what) -> new int[] {kind, at, what});
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            String text = valid;
            for (int[] m : list) {
                text = apply(text, m[0], m[1], m[2]);
            }
            return text;
        });
    }

    private static String apply(String text, int kind, int at, int what) {
        if (text.isEmpty()) {
            return VALUES.get(what % VALUES.size());
        }
        if (kind <= 5) {
            List<int[]> scalars = new ArrayList<>();
            Matcher m = SCALAR.matcher(text);
            while (m.find()) {
                scalars.add(new int[] {m.start(), m.end()});
            }
            if (!scalars.isEmpty()) {
                int[] span = scalars.get(at % scalars.size());
                return text.substring(0, span[0]) + VALUES.get(what % VALUES.size()) + text.substring(span[1]);
            }
        }
        int position = at % text.length();
        return switch (kind) {
            case 6 -> text.substring(0, position) + text.substring(position + 1);
            case 7 -> text.substring(0, position) + PUNCTUATION.charAt(what % PUNCTUATION.length())
                    + text.substring(position);
            case 8 -> text.substring(0, position);
            default -> text.substring(0, position) + text.substring(position, Math.min(text.length(),
                    position + 1 + what % 40)).repeat(2) + text.substring(Math.min(text.length(), position + 1
                    + what % 40));
        };
    }
}
