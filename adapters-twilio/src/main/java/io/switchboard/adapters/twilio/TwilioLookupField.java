package io.switchboard.adapters.twilio;

import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.number.LookupField;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The data packages Twilio Lookup v2 can add to a lookup (most are billed per request). */
public enum TwilioLookupField {
    VALIDATION("validation"),
    CALLER_NAME("caller_name"),
    SIM_SWAP("sim_swap"),
    CALL_FORWARDING("call_forwarding"),
    LINE_STATUS("line_status"),
    LINE_TYPE_INTELLIGENCE("line_type_intelligence"),
    IDENTITY_MATCH("identity_match"),
    REASSIGNED_NUMBER("reassigned_number"),
    SMS_PUMPING_RISK("sms_pumping_risk"),
    PHONE_NUMBER_QUALITY_SCORE("phone_number_quality_score"),
    PRE_FILL("pre_fill");

    private final String wireName;

    TwilioLookupField(String wireName) {
        this.wireName = wireName;
    }

    /** The name in Twilio's {@code Fields} parameter. */
    public String wireName() {
        return wireName;
    }

    /** Parses one of Twilio's field names ({@code line_type_intelligence}), any case. */
    public static TwilioLookupField parse(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (TwilioLookupField field : values()) {
                if (field.wireName.equals(wanted)) {
                    return field;
                }
            }
        }
        throw SwitchboardException.invalid("fields", "must name Twilio Lookup v2 fields such as "
                + "'line_type_intelligence' or 'caller_name', got '" + name + "'");
    }

    /** Parses Twilio's comma-separated list ({@code "line_type_intelligence,caller_name"}); blank means none. */
    public static Set<TwilioLookupField> parseList(String commaSeparated) {
        Set<TwilioLookupField> fields = EnumSet.noneOf(TwilioLookupField.class);
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            for (String name : commaSeparated.split(",")) {
                fields.add(parse(name));
            }
        }
        return fields;
    }

    /** The Twilio field that serves a domain lookup field. */
    public static TwilioLookupField of(LookupField field) {
        return switch (field) {
            case LINE_TYPE -> LINE_TYPE_INTELLIGENCE;
            case CALLER_NAME -> CALLER_NAME;
        };
    }
}
