package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.port.LookupPort;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Twilio Lookup v2: validation always, data packages on request. */
final class TwilioLookup implements LookupPort {

    private final TwilioContext ctx;

    TwilioLookup(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public NumberLookup lookup(PhoneNumber number, Set<LookupField> fields) {
        return ctx.guard(() -> {
            Set<TwilioLookupField> twilioFields = EnumSet.noneOf(TwilioLookupField.class);
            for (LookupField field : Checks.listOf(fields, "fields")) {
                twilioFields.add(TwilioLookupField.of(field));
            }
            return lookupTwilio(number, twilioFields).toNumberLookup();
        });
    }

    TwilioNumberLookup lookupTwilio(PhoneNumber number, Set<TwilioLookupField> fields) {
        Checks.required(number, "number");
        String wanted = Checks.listOf(fields, "fields").stream().sorted().map(TwilioLookupField::wireName)
                .collect(Collectors.joining(","));
        return ctx.exchange.read(ctx.http.lookups.lookup(number.e164(), wanted.isEmpty() ? null : wanted),
                "look up number", ctx.mapper::lookup);
    }
}
