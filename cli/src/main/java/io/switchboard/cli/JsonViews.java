package io.switchboard.cli;

import io.switchboard.application.Attempt;
import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostTable;
import io.switchboard.application.Delivery;
import io.switchboard.application.Repricing;
import io.switchboard.AcrossAccounts;
import io.switchboard.cli.report.CostReport;
import io.switchboard.cli.report.CountryCosts;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Money;
import io.switchboard.domain.account.AccountInfo;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.SmsEncoding;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.pricing.Quote;
import io.switchboard.domain.recording.Recording;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The JSON shape of each value the program prints; see {@code docs/cli.md} for examples. */
final class JsonViews {

    private JsonViews() {
    }

    static Json.Obj money(Money money) {
        return Json.obj().with("amount", money.plainAmount()).with("currency", money.currency().getCurrencyCode());
    }

    static Json.Obj failure(Failure failure) {
        return Json.obj().with("kind", failure.kind()).with("account", failure.account().map(Object::toString))
                .with("httpStatus", failure.httpStatus()).with("vendorCode", failure.vendorCode())
                .with("field", failure.field()).with("message", failure.message())
                .with("retryAfterMs", failure.retryAfter().map(d -> d.toMillis()));
    }

    static Json.Obj attempt(Attempt attempt) {
        return Json.obj().with("account", attempt.account().toString()).with("outcome", attempt.outcome())
                .with("from", attempt.from().map(Object::toString))
                .with("failure", attempt.failure(), JsonViews::failure)
                .with("latencyMs", attempt.latency().toMillis());
    }

    static Json.Obj delivery(Delivery delivery) {
        Json.Obj obj = Json.obj();
        if (delivery instanceof Delivery.Sent sent) {
            obj.with("status", "sent").with("account", sent.account().toString()).with("id", sent.vendorId())
                    .with("from", sent.from().toString()).with("quote", sent.quote(), JsonViews::quote)
                    .with("message", sent.message(), JsonViews::message).with("call", sent.call(), JsonViews::call);
        } else if (delivery instanceof Delivery.NotSent notSent) {
            obj.with("status", "not_sent").with("failure", failure(notSent.failure()));
        } else if (delivery instanceof Delivery.OutcomeUnknown unknown) {
            obj.with("status", "outcome_unknown").with("account", unknown.account().toString())
                    .with("failure", failure(unknown.failure()));
        }
        return obj.with("clientReference", delivery.clientReference()).with("vendorCalls", delivery.vendorCalls())
                .with("attempts", Json.list(delivery.attempts(), JsonViews::attempt));
    }

    static Json.Obj quote(Quote quote) {
        return Json.obj().with("account", quote.account().toString()).with("product", quote.product())
                .with("rate", money(quote.rate().price()).with("unit", quote.rate().unit()))
                .with("prefix", quote.prefix()).with("units", quote.units()).with("encoding", quote.encoding().map(SmsEncoding::label))
                .with("total", money(quote.total()));
    }

    static Json.Obj costTable(CostTable table) {
        return Json.obj().with("destination", table.destination().e164()).with("country", table.destination().regionCode())
                .with("product", table.product()).with("encoding", table.encoding().map(SmsEncoding::label)).with("units", table.units())
                .with("rows", Json.list(table.rows(), row -> Json.obj().with("account", row.account().toString())
                        .with("quote", row.quote(), JsonViews::quote)
                        .with("comparableTotal", row.comparableTotal(), JsonViews::money)
                        .with("excluded", row.exclusion(), e -> Json.obj().with("reason", e.reason())
                                .with("detail", e.detail()).with("failure", e.failure(), JsonViews::failure))));
    }

    static Json.Obj comparison(BatchComparison c) {
        Map<String, Object> share = new TreeMap<>();
        c.mixShare().forEach((account, n) -> share.put(account.toString(), n));
        return Json.obj().with("messages", c.messages()).with("unroutable", c.unroutable())
                .with("accounts", Json.list(c.accounts(), JsonViews::accountTotal))
                .with("cheapestMix", Json.obj().withAll(money(c.cheapestMix())).with("share", share))
                .with("savings", Json.list(c.savings(), s -> Json.obj().with("account", s.account().toString())
                        .with("saving", s.saving(), JsonViews::money)
                        .with("itemsItCannotServe", s.itemsItCannotServe())));
    }

    /** A comparison with its per-country breakdown, from the value the HTML report is written from as well. */
    static Json.Obj comparison(CostReport report) {
        return comparison(report.overall()).with("countries", Json.list(report.countries(), JsonViews::country));
    }

    static Json.Obj country(CountryCosts c) {
        BatchComparison b = c.comparison();
        return Json.obj().with("country", c.country()).with("messages", b.messages())
                .with("unroutable", b.unroutable())
                .with("accounts", Json.list(b.accounts(), JsonViews::accountTotal))
                .with("cheapestMix", money(b.cheapestMix()))
                .with("cheapest", c.cheapest(), JsonViews::accountAndTotal)
                .with("dearest", c.dearest(), JsonViews::accountAndTotal)
                .with("spread", c.spread(), JsonViews::money);
    }

    private static Json.Obj accountAndTotal(BatchComparison.AccountTotal total) {
        return Json.obj().with("account", total.account().toString()).with("total", money(total.total()));
    }

    static Json.Obj accountTotal(BatchComparison.AccountTotal total) {
        return Json.obj().with("account", total.account().toString()).with("total", money(total.total()))
                .with("priced", total.priced()).with("unpriced", total.unpriced());
    }

    static Json.Obj repricing(Repricing r) {
        return Json.obj().with("repriced", r.messages().size()).with("skipped", r.skipped())
                .with("totals", Json.list(r.totals(), JsonViews::accountTotal))
                .with("messages", Json.list(r.messages(), row -> Json.obj().with("id", row.messageId())
                        .with("account", row.account().toString()).with("charged", row.charged(), JsonViews::money)
                        .with("alternatives", costTable(row.alternatives()))));
    }

    static Json.Obj message(Message m) {
        return Json.obj().with("id", m.id()).with("account", m.account().toString()).with("channel", m.channel())
                .with("from", m.from()).with("to", m.to()).with("text", m.text()).with("direction", m.direction())
                .with("status", m.status()).with("rawStatus", m.rawStatus()).with("segments", m.segments())
                .with("price", m.price(), JsonViews::money).with("createdAt", m.createdAt().map(Object::toString))
                .with("sentAt", m.sentAt().map(Object::toString)).with("errorCode", m.errorCode())
                .with("errorMessage", m.errorMessage());
    }

    static Json.Obj call(Call c) {
        return Json.obj().with("id", c.id()).with("account", c.account().toString()).with("from", c.from())
                .with("to", c.to()).with("direction", c.direction()).with("status", c.status())
                .with("rawStatus", c.rawStatus()).with("durationSeconds", c.duration().map(d -> d.toSeconds()))
                .with("price", c.price(), JsonViews::money).with("startedAt", c.startedAt().map(Object::toString))
                .with("endedAt", c.endedAt().map(Object::toString));
    }

    static Json.Obj number(OwnedNumber n) {
        return Json.obj().with("id", n.id()).with("account", n.account().toString()).with("number", n.number())
                .with("capabilities", n.capabilities().stream().map(Enum::name).sorted().toList())
                .with("friendlyName", n.friendlyName()).with("country", n.countryIso()).with("rawStatus", n.rawStatus());
    }

    static Json.Obj recording(Recording r) {
        return Json.obj().with("id", r.id()).with("account", r.account().toString()).with("callId", r.callId())
                .with("conferenceId", r.conferenceId()).with("durationSeconds", r.duration().toSeconds())
                .with("rawStatus", r.rawStatus()).with("mediaUrl", r.mediaUrl().map(Object::toString))
                .with("createdAt", r.createdAt().map(Object::toString)).with("price", r.price(), JsonViews::money);
    }

    static Json.Obj usage(UsageRecord u) {
        return Json.obj().with("account", u.account().toString()).with("category", u.category())
                .with("description", u.description()).with("count", u.count().toPlainString())
                .with("countUnit", u.countUnit()).with("usage", u.usage().toPlainString())
                .with("usageUnit", u.usageUnit()).with("price", u.price(), JsonViews::money)
                .with("startDate", u.startDate().toString()).with("endDate", u.endDate().toString());
    }

    static Json.Obj accountInfo(AccountInfo a) {
        return Json.obj().with("account", a.account().toString()).with("vendorAccountId", a.vendorAccountId())
                .with("name", a.name()).with("status", a.status()).with("rawStatus", a.rawStatus())
                .with("type", a.type()).with("balance", a.balance(), JsonViews::money);
    }

    static Json.Obj lookup(NumberLookup l) {
        return Json.obj().with("number", l.number()).with("valid", l.valid()).with("country", l.countryIso())
                .with("nationalFormat", l.nationalFormat()).with("carrier", l.carrier())
                .with("lineType", l.lineType()).with("callerName", l.callerName());
    }

    /** Items from several accounts, and the failure of each account that could not answer. */
    static <T> Json.Obj across(AcrossAccounts<T> result, Function<T, ?> view) {
        Map<String, Object> failures = new TreeMap<>();
        result.failures().forEach((account, f) -> failures.put(account.toString(), failure(f)));
        return Json.obj().with("items", Json.list(result.items(), view)).with("failures", failures);
    }
}
