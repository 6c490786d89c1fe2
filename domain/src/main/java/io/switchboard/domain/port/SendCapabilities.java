package io.switchboard.domain.port;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.message.SmsText;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a provider account accepts in a send or a call, as its vendor publishes it, so that routing can leave an
 * account out before the vendor refuses: the channels it sends, whether a call takes inline markup or only a URL, and
 * the longest text per channel. Pure data; {@link #PERMISSIVE} (everything, no limit) is the default of
 * {@link ProviderConnector#sendCapabilities()}, so a connector that declares nothing is never left out for it.
 *
 * @param channels the channels the account sends
 * @param inlineCallMarkup whether a call can carry its instructions as inline markup (TwiML); false: only a URL
 * @param textLimits the longest text per channel; a channel without an entry has no known limit
 */
public record SendCapabilities(Set<Channel> channels, boolean inlineCallMarkup, Map<Channel, TextLimit> textLimits) {

    /** Every channel, inline markup, no text limit. */
    public static final SendCapabilities PERMISSIVE = new SendCapabilities(EnumSet.allOf(Channel.class), true, Map.of());

    public SendCapabilities {
        channels = Set.copyOf(Checks.required(channels, "channels"));
        textLimits = Map.copyOf(Checks.required(textLimits, "textLimits"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean sends(Channel channel) {
        return channels.contains(Checks.required(channel, "channel"));
    }

    /** The limit for {@code channel}, if the vendor publishes one. */
    public Optional<TextLimit> textLimit(Channel channel) {
        return Optional.ofNullable(textLimits.get(Checks.required(channel, "channel")));
    }

    /** Why {@code text} is too long for {@code channel} on this account, or empty when it fits. */
    public Optional<String> tooLong(Channel channel, SmsText text) {
        TextLimit limit = textLimits.get(Checks.required(channel, "channel"));
        return limit == null ? Optional.empty() : limit.exceededBy(text);
    }

    /**
     * The longest text one message may carry. Characters are Unicode code points; segments are SMS segments as
     * {@link SmsText} counts them (160/153 GSM-7 septets, 70/67 UCS-2 units). Each bound is optional.
     *
     * @param characters the most characters in any encoding
     * @param gsm7Characters the most characters when the text is GSM-7
     * @param ucs2Characters the most characters when the text needs UCS-2
     * @param segments the most SMS segments
     */
    public record TextLimit(OptionalInt characters, OptionalInt gsm7Characters, OptionalInt ucs2Characters,
            OptionalInt segments) {

        public TextLimit {
            characters = positive(characters, "characters");
            gsm7Characters = positive(gsm7Characters, "gsm7Characters");
            ucs2Characters = positive(ucs2Characters, "ucs2Characters");
            segments = positive(segments, "segments");
        }

        public static TextLimit characters(int max) {
            return new TextLimit(OptionalInt.of(max), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        }

        public static TextLimit characters(int gsm7, int ucs2) {
            return new TextLimit(OptionalInt.empty(), OptionalInt.of(gsm7), OptionalInt.of(ucs2), OptionalInt.empty());
        }

        public static TextLimit segments(int max) {
            return new TextLimit(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(max));
        }

        /** Why {@code text} exceeds this limit, or empty. */
        public Optional<String> exceededBy(SmsText text) {
            Checks.required(text, "text");
            int count = text.characters();
            if (characters.isPresent() && count > characters.getAsInt()) {
                return Optional.of("text has " + count + " characters, the vendor accepts at most "
                        + characters.getAsInt());
            }
            boolean gsm = text.encoding() == SmsEncoding.GSM7;
            OptionalInt perEncoding = gsm ? gsm7Characters : ucs2Characters;
            if (perEncoding.isPresent() && count > perEncoding.getAsInt()) {
                return Optional.of("text has " + count + " " + (gsm ? "GSM-7" : "UCS-2")
                        + " characters, the vendor accepts at most " + perEncoding.getAsInt());
            }
            if (segments.isPresent() && text.segmentCount() > segments.getAsInt()) {
                return Optional.of("text needs " + text.segmentCount() + " segments, the vendor accepts at most "
                        + segments.getAsInt());
            }
            return Optional.empty();
        }

        private static OptionalInt positive(OptionalInt value, String field) {
            if (value == null) {
                return OptionalInt.empty();
            }
            if (value.isPresent() && value.getAsInt() <= 0) {
                throw SwitchboardException.invalid(field, "must be positive, got " + value.getAsInt());
            }
            return value;
        }
    }

    /** Collects capabilities; starts with no channel, no inline markup and no limit. */
    public static final class Builder {
        private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private boolean inlineCallMarkup;
        private final Map<Channel, TextLimit> textLimits = new EnumMap<>(Channel.class);

        private Builder() {
        }

        public Builder channels(Channel... sent) {
            for (Channel channel : sent) {
                channels.add(Checks.required(channel, "channel"));
            }
            return this;
        }

        public Builder inlineCallMarkup(boolean accepted) {
            inlineCallMarkup = accepted;
            return this;
        }

        public Builder textLimit(Channel channel, TextLimit limit) {
            textLimits.put(Checks.required(channel, "channel"), Checks.required(limit, "limit"));
            return this;
        }

        public SendCapabilities build() {
            return new SendCapabilities(channels, inlineCallMarkup, textLimits);
        }
    }
}
