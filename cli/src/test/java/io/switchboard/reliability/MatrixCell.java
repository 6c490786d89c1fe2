package io.switchboard.reliability;

import io.switchboard.application.AttemptOutcome;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.FailureKind;
import io.switchboard.reliability.VendorFaults.Kind;
import io.switchboard.reliability.VendorFaults.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One cell of the fault matrix: a fault on one vendor, that vendor's position in a fixed-priority plan of the three
 * sandbox accounts, the operation and the delivery guarantee. The accounts before the faulty one answer 503 (so
 * the chain reaches it), the ones after it are healthy. {@link #expected()} writes down what must happen.
 */
record MatrixCell(Kind fault, AccountId vendor, int position, Operation op, DeliveryGuarantee guarantee) {

    static final List<AccountId> ACCOUNTS = List.of(SandboxFacade.TWILIO, SandboxFacade.PLIVO, SandboxFacade.TELNYX);
    private static final String[] POSITIONS = {"1st", "2nd", "last"};

    /** What the caller gets back. */
    enum Outcome { SENT, NOT_SENT, OUTCOME_UNKNOWN }

    /** One expected attempt: the account and what came of it. */
    record Step(AccountId account, AttemptOutcome outcome) {
        @Override
        public String toString() {
            return account.vendor().name() + " " + outcome;
        }
    }

    /**
     * The expected result of a cell.
     *
     * @param outcome the delivery's variant
     * @param account who has the message or call (SENT), or where the chain ended (NOT_SENT, OUTCOME_UNKNOWN)
     * @param failure the failure the delivery reports (NOT_SENT, OUTCOME_UNKNOWN), or the faulty vendor's (SENT)
     * @param failsOver whether routing went on past the faulty vendor
     * @param steps every attempt, in order
     * @param accepted how many times each account's emulator accepted the request (absent: never)
     */
    record Expected(Outcome outcome, AccountId account, FailureKind failure, boolean failsOver, List<Step> steps,
            Map<AccountId, Integer> accepted) {

        int totalAccepted() {
            return accepted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Every cell: 13 faults x 3 vendors x 3 positions x 2 operations x 2 guarantees. */
    static Stream<MatrixCell> all() {
        List<MatrixCell> cells = new ArrayList<>();
        for (Kind fault : Kind.values()) {
            for (AccountId vendor : ACCOUNTS) {
                for (int position = 0; position < 3; position++) {
                    for (Operation op : Operation.values()) {
                        for (DeliveryGuarantee guarantee : DeliveryGuarantee.values()) {
                            cells.add(new MatrixCell(fault, vendor, position, op, guarantee));
                        }
                    }
                }
            }
        }
        return cells.stream();
    }

    /** The plan's order: the faulty vendor at its position, the others in the order of {@link #ACCOUNTS}. */
    List<AccountId> order() {
        List<AccountId> order = new ArrayList<>(ACCOUNTS);
        order.remove(vendor);
        order.add(position, vendor);
        return order;
    }

    List<AccountId> before() {
        return order().subList(0, position);
    }

    List<AccountId> after() {
        return order().subList(position + 1, 3);
    }

    /**
     * The rules, applied to this cell. The accounts before the faulty one fail with 503 (UNAVAILABLE, nothing
     * accepted) and routing moves on. At the faulty vendor the fault's kind decides, by the failure table of
     * ARCHITECTURE.md: a kind that fails over under this guarantee hands the request to the next account, which
     * accepts it, or, when the faulty vendor is last, ends the chain there (NOT_SENT with that kind; OUTCOME_UNKNOWN
     * when the vendor may have it). When the faulty vendor is last and its kind fails over, the pass ends with no
     * one left, but the two accounts before it failed only for a while: the router waits for the earliest to come
     * back (the retry pause) and plans again, and the first account, whose 503 was one-shot, accepts it; not after an
     * unknown outcome (at-least-once), which ends the request OUTCOME_UNKNOWN at once. A kind that
     * does not fail over ends the chain at the faulty vendor without a wait: INVALID_REQUEST is NOT_SENT, an unknown
     * outcome is reported as OUTCOME_UNKNOWN. The faulty vendor holds the request
     * whenever its handler ran before the fault (reset mid-response, hang, malformed JSON, drip).
     */
    Expected expected() {
        List<Step> steps = new ArrayList<>();
        before().forEach(a -> steps.add(new Step(a, AttemptOutcome.FAILED)));
        boolean unknown = fault.failure == FailureKind.OUTCOME_UNKNOWN;
        steps.add(new Step(vendor, unknown ? AttemptOutcome.OUTCOME_UNKNOWN : AttemptOutcome.FAILED));
        Map<AccountId, Integer> accepted = new LinkedHashMap<>();
        if (fault.vendorAccepts) {
            accepted.put(vendor, 1);
        }
        boolean failsOver = fault.failure.failsOver(guarantee);
        if (failsOver && !after().isEmpty()) {
            AccountId next = after().get(0);
            steps.add(new Step(next, AttemptOutcome.ACCEPTED));
            accepted.merge(next, 1, Integer::sum);
            return new Expected(Outcome.SENT, next, fault.failure, true, steps, accepted);
        }
        if (failsOver && !unknown) {
            // No one is left in this pass, but the accounts before the faulty one failed only for a while (a 503 is
            // temporary): the router waits for the earliest to come back and plans again. Their 503s were one-shot,
            // so the first account of the order takes it on the second pass. After an unknown outcome (at-least-once
            // lets it fail over) the router does not wait: the request may already be with the vendor.
            AccountId first = order().get(0);
            steps.add(new Step(first, AttemptOutcome.ACCEPTED));
            accepted.merge(first, 1, Integer::sum);
            return new Expected(Outcome.SENT, first, fault.failure, true, steps, accepted);
        }
        return new Expected(unknown ? Outcome.OUTCOME_UNKNOWN : Outcome.NOT_SENT, vendor, fault.failure, failsOver,
                steps, accepted);
    }

    @Override
    public String toString() {
        Expected e = expected();
        String result = switch (e.outcome()) {
            case SENT -> (position == 2 ? "no one left, waits, sent by " : "fails over, sent by ")
                    + e.account().vendor().name();
            case NOT_SENT -> "no failover, not sent: " + e.failure();
            case OUTCOME_UNKNOWN -> (e.failsOver() ? "no one left" : "no failover") + ", outcome unknown at "
                    + e.account().vendor().name();
        };
        return vendor.vendor().name() + " " + POSITIONS[position] + " | " + op.label + " | "
                + (guarantee == DeliveryGuarantee.AT_MOST_ONCE ? "at-most-once" : "at-least-once") + " | "
                + fault.label + " => " + result + "; accepted " + (e.accepted().isEmpty() ? "nowhere"
                        : e.accepted().keySet().stream().map(a -> a.vendor().name()).toList());
    }
}
