package io.switchboard.adapters.twilio;

import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.util.function.Function;

/**
 * Runs one Retrofit call and returns its mapped body or a classified
 * {@link io.switchboard.domain.SwitchboardException}: no IOException, parse exception or null body leaves here. A
 * write (send, place call, create trigger) and a read differ only in how a lost or unreadable answer is classified.
 */
final class Exchange {

    private final TwilioErrors errors;

    Exchange(TwilioErrors errors) {
        this.errors = errors;
    }

    /** A GET: a lost or unreadable answer is UNAVAILABLE, since repeating it is harmless. */
    <T, R> R read(Call<T> call, String operation, Function<? super T, R> map) {
        return map(run(call, false, operation, true), false, operation, map);
    }

    /** A POST that creates something at Twilio: a lost answer after the body went out is OUTCOME_UNKNOWN. */
    <T, R> R write(Call<T> call, String operation, Function<? super T, R> map) {
        return map(run(call, true, operation, true), true, operation, map);
    }

    /** A DELETE: success is any 2xx, with or without a body. */
    void delete(Call<Void> call, String operation) {
        run(call, false, operation, false);
    }

    /**
     * Maps the vendor's body. A body that parsed but cannot become a domain value (no SID, say) is the vendor's
     * malformed answer, not the caller's invalid request, so it is classified like an unreadable body.
     */
    private <T, R> R map(T body, boolean write, String operation, Function<? super T, R> map) {
        try {
            return map.apply(body);
        } catch (RuntimeException e) {
            throw errors.unreadable(write, operation, e);
        }
    }

    private <T> T run(Call<T> call, boolean write, String operation, boolean bodyRequired) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (TwilioHttp.UnreadableBodyException e) {
            throw errors.unreadable(write, operation, e);
        } catch (IOException e) {
            WriteTracker tracker = call.request().tag(WriteTracker.class);
            throw errors.fromTransport(e, write, tracker != null && tracker.bodyWritten(), operation);
        } catch (RuntimeException e) {
            throw errors.internal(e, write, operation);
        }
        if (!response.isSuccessful()) {
            throw errors.fromResponse(response, operation);
        }
        T body = response.body();
        if (body == null && bodyRequired) {
            throw errors.unreadable(write, operation, null);
        }
        return body;
    }
}
