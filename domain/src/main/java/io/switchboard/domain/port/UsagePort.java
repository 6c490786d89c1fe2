package io.switchboard.domain.port;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.account.UsageQuery;
import io.switchboard.domain.account.UsageRecord;

/** What the vendor billed, by usage category. */
public interface UsagePort {

    Page<UsageRecord> list(UsageQuery query, PageRequest page);
}
