package io.switchboard.domain.port;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;

/** Places and reads calls on one account. */
public interface VoicePort {

    /** Asks the vendor to place the call; the request's caller must already be a number, not a pool. */
    Call place(CallRequest request);

    Call get(String id);

    Page<Call> list(CallQuery query, PageRequest page);
}
