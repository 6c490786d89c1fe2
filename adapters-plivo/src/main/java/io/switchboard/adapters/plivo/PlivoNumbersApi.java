package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.number.PlivoAvailableNumber;
import io.switchboard.adapters.plivo.number.PlivoCarrierNumbers;
import io.switchboard.adapters.plivo.number.PlivoNumber;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.number.PlivoPurchase;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers: those the account rents or brought from its own carrier (list, get, add carrier numbers, modify, unrent),
 * and those Plivo has for sale (search, buy). A number is given in E.164 ({@code +14155552671}) or as Plivo spells it
 * ({@code 14155552671}).
 */
public final class PlivoNumbersApi {

    private final PlivoContext ctx;
    private final PlivoNumbers numbers;

    PlivoNumbersApi(PlivoContext ctx, PlivoNumbers numbers) {
        this.ctx = ctx;
        this.numbers = numbers;
    }

    public Page<PlivoNumber> list(PlivoNumberFilter filter, PlivoPaging paging) {
        Checks.required(paging, "paging");
        return numbers.list(filter, paging.toPageRequest(), ctx.mapper()::number);
    }

    public PlivoNumber get(String number) {
        return numbers.number(number);
    }

    /** Adds numbers of the account's own carrier (an incoming carrier of the account). */
    public void addCarrierNumbers(PlivoCarrierNumbers request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(request));
        ctx.act(ctx.service().addCarrierNumbers(ctx.authId(), body));
    }

    /** Changes a number's application (or unlinks it), subaccount and alias. */
    public void modify(String number, PlivoNumberChanges changes) {
        Checks.required(changes, "changes");
        String id = number(number);
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.parameters(changes)));
        ctx.act(ctx.service().modifyNumber(ctx.authId(), id, body));
    }

    /** Gives a number back to Plivo; this cannot be undone. */
    public void unrent(String number) {
        ctx.delete(ctx.service().unrentNumber(ctx.authId(), number(number)));
    }

    /** One page of the numbers Plivo has for sale that match {@code search}. */
    public Page<PlivoAvailableNumber> search(PlivoNumberSearch search, PlivoPaging paging) {
        Checks.required(search, "search");
        return ctx.page(q -> ctx.service().searchNumbers(ctx.authId(), q), paging, PlivoRequestMapper.parameters(search),
                d -> PlivoPager.present(d.number()), PlivoMarketplaceMapper::available);
    }

    /** Buys a number found by {@link #search}; it answers with the account's default application. */
    public PlivoPurchase buy(String number) {
        return buy(number, Map.of());
    }

    /** Buys a number found by {@link #search} and attaches application {@code appId} to it. */
    public PlivoPurchase buy(String number, String appId) {
        return buy(number, Map.of("app_id", ctx.id(appId, "app_id")));
    }

    private PlivoPurchase buy(String number, Map<String, Object> parameters) {
        String id = number(number);
        var body = PlivoHttp.json(new LinkedHashMap<>(parameters));
        return PlivoMarketplaceMapper.purchase(ctx.write(ctx.service().buyNumber(ctx.authId(), id, body)));
    }

    private String number(String number) {
        return PlivoContext.digits(ctx.id(number, "number"));
    }
}
