package io.switchboard.domain.pricing;

import io.switchboard.domain.Checks;
import io.switchboard.domain.message.Channel;

/** What a rate prices: a kind of message, or voice minutes. Each account has one rate deck per product. */
public enum Product {
    SMS,
    MMS,
    WHATSAPP,
    VOICE;

    public static Product of(Channel channel) {
        return switch (Checks.required(channel, "channel")) {
            case SMS -> SMS;
            case MMS -> MMS;
            case WHATSAPP -> WHATSAPP;
        };
    }
}
