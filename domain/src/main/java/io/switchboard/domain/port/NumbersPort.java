package io.switchboard.domain.port;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.number.OwnedNumber;

/** The numbers an account rents. */
public interface NumbersPort {

    Page<OwnedNumber> list(NumberQuery query, PageRequest page);

    /** One number by the vendor's id for it ({@link OwnedNumber#id()}). */
    OwnedNumber get(String id);
}
