package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.NumbersPort;

import java.util.LinkedHashMap;
import java.util.Map;

/** The account's incoming phone numbers. */
final class TwilioNumbers implements NumbersPort {

    private final TwilioContext ctx;

    TwilioNumbers(TwilioContext ctx) {
        this.ctx = ctx;
    }

    /** Twilio matches {@code PhoneNumber} against part of the number; capability is filtered here, per page. */
    @Override
    public Page<OwnedNumber> list(NumberQuery query, PageRequest page) {
        return ctx.guard(() -> {
            Checks.required(query, "query");
            Checks.required(page, "page");
            Map<String, String> filters = new LinkedHashMap<>();
            query.numberContains().ifPresent(digits -> filters.put("PhoneNumber", digits));
            Page<OwnedNumber> fetched = ctx.pager.page(ctx.config.apiBaseUrl(), page,
                    size -> ctx.http.rest.listNumbers(ctx.accountSid(), filters, size),
                    ctx.http.rest::numbersPage, ctx.mapper::number, "list numbers");
            if (query.capability().isEmpty()) {
                return fetched;
            }
            return new Page<>(fetched.items().stream().filter(n -> n.can(query.capability().get())).toList(),
                    fetched.nextCursor());
        });
    }

    @Override
    public OwnedNumber get(String id) {
        return ctx.guard(() -> {
            String sid = TwilioContext.id(id, "id");
            return ctx.exchange.read(ctx.http.rest.fetchNumber(ctx.accountSid(), sid), "get number",
                    ctx.mapper::number);
        });
    }
}
