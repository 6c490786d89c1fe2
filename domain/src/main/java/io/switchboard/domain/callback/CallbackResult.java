package io.switchboard.domain.callback;

import io.switchboard.domain.Checks;

import java.util.List;

/** What an adapter made of one callback: verified events, or a refusal that applies nothing. */
public sealed interface CallbackResult permits CallbackResult.Accepted, CallbackResult.Refused {

    /** The HTTP status to answer the vendor with. */
    int httpStatus();

    /**
     * Authentic: the events it carries (none for an event type this version does not use, which is still answered
     * 2xx so the vendor does not retry it).
     */
    record Accepted(List<VendorEvent> events) implements CallbackResult {
        public Accepted {
            events = Checks.listOf(events, "events");
        }

        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /** Not applied, with why; {@code detail} is one line that never holds a secret or a signature. */
    record Refused(Refusal reason, String detail) implements CallbackResult {
        public Refused {
            Checks.required(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        @Override
        public int httpStatus() {
            return reason.httpStatus();
        }
    }

    /** Why a callback was refused. */
    enum Refusal {
        /** No signature, or one that does not verify for this account. */
        SIGNATURE(403),
        /** A signed timestamp outside the tolerance (Telnyx). */
        STALE(403),
        /** An event already applied, sent again. */
        REPLAY(200),
        /** Signed, but not a callback this version can read (a missing id or status). */
        MALFORMED(400),
        /** The URL names no configured account, or the account cannot verify callbacks (no key configured). */
        UNKNOWN_ACCOUNT(404),
        /** Too large, or a method other than the vendor's. */
        BAD_REQUEST(400),
        /** Authentic, but the store that keeps delivery records cannot be reached: nothing applied, the vendor retries. */
        STORE_UNAVAILABLE(503);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}
