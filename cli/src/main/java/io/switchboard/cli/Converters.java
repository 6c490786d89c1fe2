package io.switchboard.cli;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Failure;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Parses option values into domain values, so that a bad one is a usage error naming the option
 * ({@code Invalid value for option '--to': must be an E.164 number starting with '+', got '4155'}).
 */
final class Converters {

    private Converters() {
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(PhoneNumber.class, text -> domain(() -> PhoneNumber.parse(text, "number")));
        commandLine.registerConverter(AccountId.class, text -> domain(() -> AccountId.parse(text)));
        commandLine.registerConverter(LocalDate.class, Converters::date);
        commandLine.registerConverter(Path.class, Converters::path);
        commandLine.registerConverter(URI.class, Converters::uri);
    }

    /** A URI as RFC 3986 writes it; the error quotes the value, not the JDK's exception. */
    static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new TypeConversionException("must be a URL such as https://example.com/a.png, got "
                    + ErrorText.quote(text));
        }
    }

    /** A file path this system can name; the error quotes the value, not the JDK's exception. */
    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("is not a file path this system can use, got " + ErrorText.quote(text));
        }
    }

    /** A day as ISO-8601 writes it; the error says the format wanted rather than naming a Java class. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("must be a date written YYYY-MM-DD, such as 2025-01-31, got "
                    + ErrorText.quote(text));
        }
    }

    private static <T> T domain(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SwitchboardException e) {
            throw new TypeConversionException(problem(e.failure()));
        }
    }

    /** The failure's message without its leading {@code 'field'}, for messages that name the field themselves. */
    static String problem(Failure failure) {
        String message = failure.message();
        if (failure.field().isPresent()) {
            String prefix = "'" + failure.field().get() + "' ";
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }
}
