package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.NumbersPort;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Plivo's Number API (the account's numbers) as the numbers port; {@link PlivoNumbersApi} adds buying and more. */
final class PlivoNumbers implements NumbersPort {

    private final PlivoContext ctx;

    PlivoNumbers(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** Plivo filters by voice or SMS service; other capabilities are applied here, so a page may be short. */
    @Override
    public Page<OwnedNumber> list(NumberQuery query, PageRequest page) {
        Checks.required(query, "query");
        Checks.required(page, "page");
        PlivoNumberFilter filter = PlivoNumberFilter.all().withStartsWith(query.numberContains().orElse(null));
        Optional<NumberCapability> cap = query.capability();
        if (cap.isPresent() && (cap.get() == NumberCapability.VOICE || cap.get() == NumberCapability.SMS)) {
            filter = filter.withService(cap.get().name().toLowerCase(Locale.ROOT));
        }
        Page<OwnedNumber> numbers = list(filter, page, ctx.mapper()::owned);
        return cap.isEmpty() ? numbers
                : new Page<>(numbers.items().stream().filter(n -> n.can(cap.get())).toList(), numbers.nextCursor());
    }

    @Override
    public OwnedNumber get(String id) {
        return ctx.read(ctx.service().getNumber(ctx.authId(), PlivoContext.digits(ctx.id(id, "id"))),
                ctx.mapper()::owned);
    }

    /** One number with Plivo's fields, given in E.164 or as Plivo spells it. */
    PlivoNumber number(String number) {
        return ctx.read(ctx.service().getNumber(ctx.authId(), PlivoContext.digits(ctx.id(number, "number"))),
                ctx.mapper()::number);
    }

    /** One page of the account's numbers matching Plivo's own filters, each mapped by {@code map}. */
    <R> Page<R> list(PlivoNumberFilter filter, PageRequest page,
            java.util.function.Function<PlivoDtos.NumberDto, R> map) {
        Checks.required(filter, "filter");
        return ctx.page(q -> ctx.service().listNumbers(ctx.authId(), q), page, filters(filter),
                d -> PlivoPager.present(d.number()), map);
    }

    private static Map<String, String> filters(PlivoNumberFilter filter) {
        Map<String, String> q = new LinkedHashMap<>();
        filter.numberType().ifPresent(v -> q.put("number_type", v));
        filter.service().ifPresent(v -> q.put("services", v));
        filter.startsWith().ifPresent(v -> q.put("number_startswith", PlivoContext.digits(v)));
        filter.subaccount().ifPresent(v -> q.put("subaccount", v));
        filter.alias().ifPresent(v -> q.put("alias", v));
        return q;
    }
}
