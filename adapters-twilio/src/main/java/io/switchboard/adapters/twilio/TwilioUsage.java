package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;
import io.switchboard.domain.port.UsagePort;

import java.util.LinkedHashMap;
import java.util.Map;

/** Usage records: what Twilio billed per category over a date range. */
final class TwilioUsage implements UsagePort {

    private final TwilioContext ctx;

    TwilioUsage(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Page<UsageRecord> list(UsageQuery query, PageRequest page) {
        return ctx.guard(() -> {
            Checks.required(query, "query");
            Checks.required(page, "page");
            Map<String, String> filters = new LinkedHashMap<>();
            query.category().ifPresent(category -> filters.put("Category", category));
            query.startDate().ifPresent(day -> filters.put("StartDate", day.toString()));
            query.endDate().ifPresent(day -> filters.put("EndDate", day.toString()));
            return ctx.pager.page(ctx.config.apiBaseUrl(), page,
                    size -> ctx.http.rest.listUsageRecords(ctx.accountSid(), filters, size),
                    ctx.http.rest::usageRecordsPage, ctx.mapper::usageRecord, "list usage records");
        });
    }
}
