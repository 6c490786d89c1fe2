package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.number.NumberCapability;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;
import io.switchboard.domain.port.NumbersPort;

import java.util.Map;
import java.util.Optional;

/** The numbers of one Telnyx account: GET /phone_numbers and GET /phone_numbers/{id}. */
final class TelnyxNumbers implements NumbersPort {

    private final TelnyxHttp http;
    private final TelnyxMapper mapper;
    private final TelnyxErrors errors;
    private final TelnyxPager pager;

    TelnyxNumbers(TelnyxHttp http, TelnyxMapper mapper, TelnyxErrors errors, TelnyxPager pager) {
        this.http = http;
        this.mapper = mapper;
        this.errors = errors;
        this.pager = pager;
    }

    /**
     * {@code numberContains} travels as {@code filter[phone_number]}. Telnyx has no capability filter, so a capability
     * is matched on the mapped numbers (pages can then hold fewer items).
     */
    @Override
    public Page<OwnedNumber> list(NumberQuery query, PageRequest page) {
        errors.required(query, "query");
        Page<OwnedNumber> numbers = list(query.numberContains(), Optional.empty(), page);
        Optional<NumberCapability> capability = query.capability();
        if (capability.isEmpty()) {
            return numbers;
        }
        return new Page<>(numbers.items().stream().filter(n -> n.can(capability.get())).toList(),
                numbers.nextCursor());
    }

    /** One page with Telnyx's own filters, {@code filter[phone_number]} and {@code filter[status]}. */
    Page<OwnedNumber> list(Optional<String> phoneNumber, Optional<String> status, PageRequest page) {
        errors.required(page, "page");
        Map<String, String> query = pager.query(page);
        TelnyxPager.put(query, "filter[phone_number]", phoneNumber);
        TelnyxPager.put(query, "filter[status]", status);
        int number = pager.number(page);
        int size = TelnyxPager.size(page);
        return http.read(service -> service.phoneNumbers(query),
                many -> TelnyxPager.page(many, number, size, mapper::number));
    }

    @Override
    public OwnedNumber get(String id) {
        String numberId = errors.id(id, "id");
        return http.read(service -> service.phoneNumber(numberId), one -> mapper.number(one.data()));
    }
}
