package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.ListEnvelope;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.SwitchboardException;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the port implementations and the resource APIs of one account share: its HTTP exchange, mapper and pager,
 * its auth id (in every path), and the checks every operation makes before a request.
 */
final class PlivoContext {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:+-][A-Za-z0-9._:+-]{0,127}");
    /** Plivo's parameter names, as its errors name them, to the domain request's field names. */
    private static final Map<String, String> DOMAIN_FIELDS = Map.of("dst", "to", "src", "from", "media_urls", "media",
            "url", "statusCallback", "method", "statusCallback", "answer_url", "instructions",
            "answer_method", "instructions", "hangup_url", "statusCallback", "type", "channel");

    private final PlivoHttp http;
    private final PlivoMapper mapper;
    private final PlivoPager pager;
    private final String authId;

    PlivoContext(PlivoHttp http, String authId) {
        this.http = http;
        this.mapper = new PlivoMapper(http.account());
        this.pager = new PlivoPager(http.account());
        this.authId = authId;
    }

    PlivoHttp http() {
        return http;
    }

    PlivoService service() {
        return http.service();
    }

    PlivoMapper mapper() {
        return mapper;
    }

    PlivoPager pager() {
        return pager;
    }

    String authId() {
        return authId;
    }

    AccountId account() {
        return http.account();
    }

    /** Runs a check made when an operation is called: its INVALID_REQUEST names this account. */
    <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (SwitchboardException e) {
            if (e.failure().account().isPresent()) {
                throw e;
            }
            throw new SwitchboardException(e.failure().withAccount(http.account()));
        }
    }

    /** A POST that creates or changes something: a lost answer is OUTCOME_UNKNOWN. */
    <T> T write(retrofit2.Call<T> call) {
        return http.write(call);
    }

    /** A POST answered with an acknowledgement or nothing. */
    void act(retrofit2.Call<PlivoMarketplaceDtos.Ack> call) {
        http.act(call);
    }

    <T> T read(retrofit2.Call<T> call) {
        return http.read(call);
    }

    /** A read whose answer is mapped inside the exchange: one that cannot become a value is UNAVAILABLE. */
    <T, R> R read(retrofit2.Call<T> call, Function<? super T, R> map) {
        return http.read(call, map);
    }

    void delete(retrofit2.Call<Void> call) {
        http.delete(call);
    }

    /** One page of a list, with {@code filters} after Plivo's limit and offset. */
    <D, R> Page<R> page(Function<Map<String, String>, retrofit2.Call<ListEnvelope<D>>> list, PageRequest page,
            Map<String, String> filters, Predicate<D> hasId, Function<D, R> map) {
        Checks.required(page, "page");
        return pager.page(http.read(list.apply(pager.query(page, filters))), page, hasId, map);
    }

    /** One page of a list asked for with Plivo's own limit and offset. */
    <D, R> Page<R> page(Function<Map<String, String>, retrofit2.Call<ListEnvelope<D>>> list, PlivoPaging paging,
            Map<String, String> filters, Predicate<D> hasId, Function<D, R> map) {
        Checks.required(paging, "paging");
        return page(list, paging.toPageRequest(), filters, hasId, map);
    }

    /** An id safe to put in a path segment, or INVALID_REQUEST naming {@code field} and this account. */
    String id(String value, String field) {
        String v = value == null ? "" : value.trim();
        if (!ID.matcher(v).matches()) {
            throw new SwitchboardException(Failure.invalid(field, v.isEmpty() ? "is required"
                    : "must be a Plivo id (letters, digits, '-', '_', '.', ':', '+'), got '" + value + "'")
                    .withAccount(http.account()));
        }
        return v;
    }

    /** A number as Plivo stores it (digits, no {@code +}); a sender ID stays as it is. */
    static String digits(String number) {
        String v = number == null ? "" : number.trim();
        return v.startsWith("+") && v.length() > 1 && v.substring(1).chars().allMatch(Character::isDigit)
                ? v.substring(1) : v;
    }

    /**
     * A port caller sent a domain request, so a failure names the domain's field ({@code to}, not Plivo's {@code
     * dst}), as the other adapters do; the resource APIs keep Plivo's own names.
     */
    static SwitchboardException inDomainTerms(SwitchboardException e) {
        Failure f = e.failure();
        String domain = f.field().map(DOMAIN_FIELDS::get).orElse(null);
        return domain == null ? e : new SwitchboardException(f.withField(domain), e.getCause());
    }
}
