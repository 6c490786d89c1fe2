package io.switchboard.reliability;

import io.switchboard.application.RoutingPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.reliability.VendorFaults.Kind;
import io.switchboard.reliability.VendorFaults.Operation;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * The load test's faults: each emulator faults 30% of the sends that reach it, drawn from a seed over the mix below
 * (the sandbox's random fault script), so the same order of arrivals meets the same faults; and the plans, which put
 * each account first for a third of the requests.
 */
final class LoadFaults {

    static final double FAULT_RATE = 0.30;

    /**
     * A fault of the mix, with its weight out of 1000. Credentials and funds failures open a breaker at once, so they
     * are rare here as in life: a few a run.
     */
    enum Mix {
        HTTP_503(223), HTTP_500(100), TOO_MANY_REQUESTS(90), TOO_MANY_REQUESTS_RETRY_AFTER(10), UNAUTHORIZED(1),
        INSUFFICIENT_FUNDS(1), DESTINATION_NOT_SUPPORTED(50), INVALID_TO(30), RESET_BEFORE_RESPONSE(50),
        RESET_MID_RESPONSE(150), MALFORMED_JSON(150), HTML_200(100), ACCEPT_THEN_HANG(45);

        final int weight;

        Mix(int weight) {
            this.weight = weight;
        }

        Fault on(AccountId account) {
            return switch (this) {
                case TOO_MANY_REQUESTS -> VendorFaults.tooManyRequests(account, Operation.SEND_MESSAGE, false);
                case TOO_MANY_REQUESTS_RETRY_AFTER -> VendorFaults.fault(account, Operation.SEND_MESSAGE,
                        Kind.RATE_LIMITED);
                case RESET_BEFORE_RESPONSE -> Fault.resetBeforeResponse();
                default -> VendorFaults.fault(account, Operation.SEND_MESSAGE, Kind.valueOf(name()));
            };
        }
    }

    private static final List<RoutingPolicy> POLICIES = List.of(
            policy(SandboxFacade.PLIVO, SandboxFacade.TELNYX, SandboxFacade.TWILIO),
            policy(SandboxFacade.TELNYX, SandboxFacade.TWILIO, SandboxFacade.PLIVO),
            policy(SandboxFacade.TWILIO, SandboxFacade.PLIVO, SandboxFacade.TELNYX));

    private final EmbeddedSandbox sandbox;

    LoadFaults(long seed, EmbeddedSandbox sandbox) {
        this.sandbox = sandbox;
        for (int i = 0; i < MatrixCell.ACCOUNTS.size(); i++) {
            AccountId account = MatrixCell.ACCOUNTS.get(i);
            List<Fault> mix = new ArrayList<>(1000);
            for (Mix m : Mix.values()) {
                Fault fault = m.on(account);
                for (int w = 0; w < m.weight; w++) {
                    mix.add(fault);
                }
            }
            VendorFaults.emulator(sandbox, account).faults().randomly(
                    Match.of("POST", VendorFaults.path(account, Operation.SEND_MESSAGE)), FAULT_RATE, seed + i, mix);
        }
    }

    private static RoutingPolicy policy(AccountId... order) {
        return RoutingPolicy.builder().priority(order).guarantee(DeliveryGuarantee.AT_MOST_ONCE).build();
    }

    /** Each account comes first for a third of the requests. */
    RoutingPolicy policyFor(int index) {
        return POLICIES.get((index / 3) % POLICIES.size());
    }

    /** Sends that met a fault, over the three emulators. */
    long faulted() {
        return MatrixCell.ACCOUNTS.stream().mapToLong(a -> VendorFaults.emulator(sandbox, a).faults().randomFaults())
                .sum();
    }

    /** Sends that reached an emulator, faulted or not. */
    long arrivals() {
        return MatrixCell.ACCOUNTS.stream().mapToLong(a -> VendorFaults.emulator(sandbox, a).stats()
                .count("POST", VendorFaults.path(a, Operation.SEND_MESSAGE))).sum();
    }
}
