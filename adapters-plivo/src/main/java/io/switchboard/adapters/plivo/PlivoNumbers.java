package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers: those the account rents or brought from its own carrier (list, get, add carrier numbers, modify, unrent),
 * and those Plivo has for sale (search, buy). A number is given in E.164 ({@code +14155552671}) or as Plivo spells it
 * ({@code 14155552671}).
 */
public final class PlivoNumbers {

    private final PlivoApi api;

    PlivoNumbers(PlivoApi api) {
        this.api = api;
    }

    public Page<PlivoNumber> list(PlivoNumberFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        return api.page(q -> api.service().listNumbers(api.authId(), q), paging, PlivoApi.numberFilters(filter),
                d -> PlivoPager.present(d.number()), api.mapper()::number);
    }

    public PlivoNumber get(String number) {
        return api.getNumber(number);
    }

    /** Adds numbers of the account's own carrier (an incoming carrier of the account). */
    public void addCarrierNumbers(PlivoCarrierNumbers request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(request.wire());
        api.act(api.service().addCarrierNumbers(api.authId(), body));
    }

    /** Changes a number's application (or unlinks it), subaccount and alias. */
    public void modify(String number, PlivoNumberChanges changes) {
        Checks.required(changes, "changes");
        String id = number(number);
        var body = PlivoHttp.json(api.checked(changes::wire));
        api.act(api.service().modifyNumber(api.authId(), id, body));
    }

    /** Gives a number back to Plivo; this cannot be undone. */
    public void unrent(String number) {
        api.delete(api.service().unrentNumber(api.authId(), number(number)));
    }

    /** One page of the numbers Plivo has for sale that match {@code search}. */
    public Page<PlivoAvailableNumber> search(PlivoNumberSearch search, PlivoPaging paging) {
        Checks.required(search, "search");
        return api.page(q -> api.service().searchNumbers(api.authId(), q), paging, search.wire(),
                d -> PlivoPager.present(d.number()), PlivoMarketplaceMapper::available);
    }

    /** Buys a number found by {@link #search}; it answers with the account's default application. */
    public PlivoPurchase buy(String number) {
        return buy(number, Map.of());
    }

    /** Buys a number found by {@link #search} and attaches application {@code appId} to it. */
    public PlivoPurchase buy(String number, String appId) {
        return buy(number, Map.of("app_id", api.id(appId, "app_id")));
    }

    private PlivoPurchase buy(String number, Map<String, Object> parameters) {
        String id = number(number);
        var body = PlivoHttp.json(new LinkedHashMap<>(parameters));
        return PlivoMarketplaceMapper.purchase(api.write(api.service().buyNumber(api.authId(), id, body)));
    }

    private String number(String number) {
        return PlivoApi.digits(api.id(number, "number"));
    }
}
