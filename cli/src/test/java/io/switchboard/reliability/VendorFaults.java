package io.switchboard.reliability;

import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of the matrix, each scripted on one emulator for one operation in that vendor's own words (WIRE.md):
 * the status, error body and headers the vendor would send, or a transport fault of the sandbox core.
 */
final class VendorFaults {

    /** Per byte of a dripping answer: under any read timeout of the matrix, so only a bound on the whole call helps. */
    static final Duration DRIP = Duration.ofMillis(100);

    /** The words of a scripted 429, so that a 429 from an emulator's own rate limiter can be told apart. */
    static final String SCRIPTED_429 = "Too many requests (scripted)";

    private VendorFaults() {
    }

    /** A scripted 429 in the vendor's words, with or without Retry-After. */
    static Fault tooManyRequests(AccountId account, Operation op, boolean retryAfter) {
        Response response = error(account.vendor().name(), op == Operation.SEND_MESSAGE, Kind.RATE_LIMITED);
        return Fault.respond(retryAfter ? response
                : Response.text(response.status(), Response.JSON, response.bodyText()));
    }

    /** What the sandbox can do wrong, with the kind the adapters must classify it as and whether the vendor acted. */
    enum Kind {
        CONNECTION_REFUSED("connection refused", FailureKind.UNAVAILABLE, false),
        RESET_MID_RESPONSE("reset mid-response", FailureKind.OUTCOME_UNKNOWN, true),
        HTTP_500("500", FailureKind.UNAVAILABLE, false),
        HTTP_503("503", FailureKind.UNAVAILABLE, false),
        RATE_LIMITED("429 Retry-After 1", FailureKind.RATE_LIMITED, false),
        UNAUTHORIZED("401", FailureKind.AUTHENTICATION, false),
        INSUFFICIENT_FUNDS("insufficient funds", FailureKind.INSUFFICIENT_FUNDS, false),
        DESTINATION_NOT_SUPPORTED("destination not supported", FailureKind.DESTINATION_NOT_SUPPORTED, false),
        INVALID_TO("invalid 'To'", FailureKind.INVALID_REQUEST, false),
        ACCEPT_THEN_HANG("accept then hang", FailureKind.OUTCOME_UNKNOWN, true),
        MALFORMED_JSON("malformed JSON 2xx", FailureKind.OUTCOME_UNKNOWN, true),
        HTML_200("HTML page 200", FailureKind.OUTCOME_UNKNOWN, false),
        SLOW_DRIP("slow drip", FailureKind.OUTCOME_UNKNOWN, true);

        final String label;
        /** The failure the vendor's attempt must end with. */
        final FailureKind failure;
        /** Whether the emulator's handler ran, so the vendor accepted (and billed) the request despite the fault. */
        final boolean vendorAccepts;

        Kind(String label, FailureKind failure, boolean vendorAccepts) {
            this.label = label;
            this.failure = failure;
            this.vendorAccepts = vendorAccepts;
        }
    }

    /** The two routed operations. */
    enum Operation {
        SEND_MESSAGE("send"), PLACE_CALL("call");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** The emulator that plays {@code account}. */
    static VendorEmulator emulator(EmbeddedSandbox sandbox, AccountId account) {
        return switch (account.vendor().name()) {
            case "twilio" -> sandbox.twilio();
            case "plivo" -> sandbox.plivo();
            default -> sandbox.telnyx();
        };
    }

    /** The path the operation POSTs to on the vendor's emulator. */
    static String path(AccountId account, Operation op) {
        boolean send = op == Operation.SEND_MESSAGE;
        return switch (account.vendor().name()) {
            case "twilio" -> "/2010-04-01/Accounts/" + TwilioEmulator.ACCOUNT_SID + (send ? "/Messages.json"
                    : "/Calls.json");
            case "plivo" -> "/v1/Account/" + PlivoEmulator.AUTH_ID + (send ? "/Message/" : "/Call/");
            default -> send ? "/v2/messages" : "/v2/calls";
        };
    }

    /** Scripts {@code kind} on the next request of {@code op} to {@code account}; refusal is wired, not scripted. */
    static void script(EmbeddedSandbox sandbox, AccountId account, Operation op, Kind kind) {
        if (kind == Kind.CONNECTION_REFUSED) {
            return;
        }
        Match match = Match.of("POST", path(account, op));
        emulator(sandbox, account).faults().next(1, match, fault(account.vendor().name(), op, kind));
    }

    /** The fault {@link #script} would script, for other uses (a random mix). */
    static Fault fault(AccountId account, Operation op, Kind kind) {
        if (kind == Kind.CONNECTION_REFUSED) {
            throw new IllegalArgumentException("a refused connection is wired, not scripted");
        }
        return fault(account.vendor().name(), op, kind);
    }

    private static Fault fault(String vendor, Operation op, Kind kind) {
        boolean send = op == Operation.SEND_MESSAGE;
        return switch (kind) {
            case RESET_MID_RESPONSE -> Fault.resetMidResponse();
            case ACCEPT_THEN_HANG -> Fault.hang();
            case MALFORMED_JSON -> Fault.malformedJson(success(vendor, send));
            case HTML_200 -> Fault.htmlPage(200);
            case SLOW_DRIP -> Fault.drip(DRIP);
            default -> Fault.respond(error(vendor, send, kind));
        };
    }

    /** The status each vendor answers a successful send or dial with. */
    private static int success(String vendor, boolean send) {
        return switch (vendor) {
            case "twilio" -> 201;
            case "plivo" -> send ? 202 : 201;
            default -> 200;
        };
    }

    private static Response error(String vendor, boolean send, Kind kind) {
        return switch (vendor) {
            case "twilio" -> twilio(send, kind);
            case "plivo" -> plivo(send, kind);
            default -> telnyx(send, kind);
        };
    }

    private static Response twilio(boolean send, Kind kind) {
        return switch (kind) {
            case HTTP_500 -> twilio(500, 20500, "Internal Server Error");
            case HTTP_503 -> twilio(503, 20503, "Service Unavailable");
            case RATE_LIMITED -> twilio(429, 20429, SCRIPTED_429).withHeader("Retry-After", "1");
            case UNAUTHORIZED -> twilio(401, 20003, "Authenticate");
            case INSUFFICIENT_FUNDS -> twilio(401, 20005, "Account not active");
            case DESTINATION_NOT_SUPPORTED -> send
                    ? twilio(400, 21408, "Permission to send an SMS has not been enabled for the region")
                    : twilio(400, 21215, "Account not authorized to call this number");
            case INVALID_TO -> twilio(400, 21211, "The 'To' number +447700900001 is not a valid phone number.");
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Response twilio(int status, int code, String message) {
        return Response.json(status, Map.of("code", code, "message", message,
                "more_info", "https://www.twilio.com/docs/errors/" + code, "status", status));
    }

    private static Response plivo(boolean send, Kind kind) {
        return switch (kind) {
            case HTTP_500 -> plivo(500, "internal server error");
            case HTTP_503 -> plivo(503, "service unavailable");
            case RATE_LIMITED -> plivo(429, SCRIPTED_429).withHeader("Retry-After", "1");
            case UNAUTHORIZED -> plivo(401, "authentication failed");
            case INSUFFICIENT_FUNDS -> plivo(400, "Insufficient Credit");
            case DESTINATION_NOT_SUPPORTED -> plivo(403, "This destination is not allowed by your account's geo "
                    + "permissions");
            case INVALID_TO -> plivo(400, send ? "invalid 'dst' parameter" : "invalid 'to' parameter");
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Response plivo(int status, String error) {
        return Response.json(status, Map.of("api_id", "0a1b2c3d-0000-4000-8000-000000000000", "error", error));
    }

    private static Response telnyx(boolean send, Kind kind) {
        return switch (kind) {
            case HTTP_500 -> telnyx(500, "10007", "Unexpected error", null);
            case HTTP_503 -> telnyx(503, "10008", "Service unavailable", null);
            case RATE_LIMITED -> telnyx(429, send ? "10011" : "90103", SCRIPTED_429, null)
                    .withHeader("Retry-After", "1");
            case UNAUTHORIZED -> telnyx(401, "10009", "Authentication failed", null);
            case INSUFFICIENT_FUNDS -> telnyx(402, "20100", "Insufficient funds", null);
            case DESTINATION_NOT_SUPPORTED -> telnyx(403, "10010", "Authorization failed", "to");
            case INVALID_TO -> telnyx(422, "10016", "Phone number must be in +E.164 format", "to");
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Response telnyx(int status, String code, String title, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("title", title);
        error.put("detail", title);
        if (field != null) {
            error.put("source", Map.of("pointer", "/" + field));
        }
        return Response.json(status, Map.of("errors", List.of(error)));
    }
}
