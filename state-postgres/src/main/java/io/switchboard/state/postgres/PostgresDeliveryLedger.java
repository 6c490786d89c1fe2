package io.switchboard.state.postgres;

import io.switchboard.application.Delivery;
import io.switchboard.application.DeliveryLedger;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Vendor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The delivery ledger of a fleet: a reference claimed on any instance is seen by all. A claim holds a lease, timed by
 * the database's clock; a claim whose lease ran out before {@link #complete} (its instance stopped) is never granted
 * again but answered {@link Claim.Done} with an {@link Delivery.OutcomeUnknown}, since the message may have gone out.
 * One statement per call: a send costs two round trips, the claim and the completion.
 *
 * <p>What is kept of a {@link Delivery}: its kind, account, vendor id, sender, client reference and failure. Its
 * attempts, quote and the vendor's message or call record are not stored, so a {@link Claim.Done} carries none.
 */
public final class PostgresDeliveryLedger implements DeliveryLedger {

    /**
     * The account of the {@link Delivery.OutcomeUnknown} an expired claim answers: the instance that stopped never
     * said which account it was sending through. The message's delivery record names it, when one was kept.
     */
    public static final AccountId UNRECORDED_ACCOUNT = AccountId.of(new Vendor("unknown"), "unrecorded");

    private static final String NOW = "(SELECT now() + make_interval(secs => ?) AS t) c";

    private final Jdbc jdbc;
    private final StateJson json;
    private final String instanceId;
    private final Duration lease;
    private final String claimSql;
    private final String purgeSql;
    /** The token of each claim this object granted and not yet completed. */
    private final ConcurrentMap<String, UUID> grants = new ConcurrentHashMap<>();
    /** Added to the database's clock by every statement: zero, except in tests that make a lease run out. */
    private volatile double clockShiftSeconds;

    PostgresDeliveryLedger(Jdbc jdbc, StateJson json, PostgresSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.instanceId = settings.instanceId();
        this.lease = settings.lease();
        String forgotten = "l.updated_at <= EXCLUDED.updated_at - " + Jdbc.interval(settings.ledgerRetention());
        String expired = "(l.state = 'IN_FLIGHT' AND l.lease_until <= EXCLUDED.claimed_at)";
        // One statement: insert the claim, or lock the row there is and turn a run-out lease into EXPIRED, or a row
        // older than the retention into a new claim. RETURNING gives the row as it now is, whoever wrote it.
        this.claimSql = """
                INSERT INTO switchboard.ledger AS l
                    (reference, state, claim_token, instance_id, claimed_at, lease_until, updated_at)
                SELECT ?, 'IN_FLIGHT', ?, ?, c.t, c.t + %s, c.t FROM %s
                ON CONFLICT (reference) DO UPDATE SET
                    state = CASE WHEN %s THEN 'IN_FLIGHT' WHEN %s THEN 'EXPIRED' ELSE l.state END,
                    claim_token = CASE WHEN %s THEN EXCLUDED.claim_token ELSE l.claim_token END,
                    instance_id = CASE WHEN %s THEN EXCLUDED.instance_id ELSE l.instance_id END,
                    claimed_at = CASE WHEN %s THEN EXCLUDED.claimed_at ELSE l.claimed_at END,
                    lease_until = CASE WHEN %s THEN EXCLUDED.lease_until ELSE l.lease_until END,
                    updated_at = CASE WHEN %s OR %s THEN EXCLUDED.updated_at ELSE l.updated_at END,
                    delivery = CASE WHEN %s THEN NULL ELSE l.delivery END
                RETURNING l.claim_token, l.state, l.instance_id, l.claimed_at, l.delivery::text
                """.formatted(Jdbc.interval(settings.lease()), NOW, forgotten, expired, forgotten, forgotten,
                forgotten, forgotten, forgotten, expired, forgotten);
        this.purgeSql = """
                DELETE FROM switchboard.ledger
                WHERE updated_at <= now() + make_interval(secs => ?) - %s
                  AND NOT (state = 'IN_FLIGHT' AND lease_until > now() + make_interval(secs => ?))
                """.formatted(Jdbc.interval(settings.ledgerRetention()));
    }

    @Override
    public Claim claim(String reference) {
        String ref = key(reference);
        UUID token = UUID.randomUUID();
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement(claimSql)) {
                s.setString(1, ref);
                s.setObject(2, token);
                s.setString(3, instanceId);
                s.setDouble(4, clockShiftSeconds);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    if (token.equals(row.getObject(1, UUID.class))) {
                        grants.put(ref, token);
                        return new Claim.Granted();
                    }
                    return switch (row.getString(2)) {
                        case "IN_FLIGHT" -> new Claim.InFlight();
                        case "EXPIRED" -> new Claim.Done(expired(ref, row.getString(3),
                                row.getObject(4, OffsetDateTime.class)));
                        default -> new Claim.Done(json.readDelivery(row.getString(5)));
                    };
                }
            }
        });
    }

    @Override
    public void complete(String reference, Delivery delivery) {
        String ref = key(reference);
        Checks.required(delivery, "delivery");
        // Only this object's own claim is completed: a late completion of a claim that expired, was resolved and
        // claimed again elsewhere must not free or overwrite the newer claim.
        // The token is let go only once the database took the outcome: a completion that failed (the database away)
        // can be made again later, by the router, with the same token.
        UUID token = grants.get(ref);
        if (delivery instanceof Delivery.NotSent) {
            if (token != null) {
                jdbc.call(connection -> {
                    try (PreparedStatement s = connection.prepareStatement(
                            "DELETE FROM switchboard.ledger WHERE reference = ? AND claim_token = ?")) {
                        s.setString(1, ref);
                        s.setObject(2, token);
                        return s.executeUpdate();
                    }
                });
                grants.remove(ref, token);
            }
            return;
        }
        String doc = json.write(delivery);
        String state = delivery instanceof Delivery.Sent ? "SENT" : "OUTCOME_UNKNOWN";
        jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO switchboard.ledger AS l
                        (reference, state, claim_token, instance_id, claimed_at, lease_until, updated_at, delivery)
                    SELECT ?, ?, ?, ?, c.t, c.t, c.t, ?::jsonb FROM %s
                    ON CONFLICT (reference) DO UPDATE SET
                        state = EXCLUDED.state, delivery = EXCLUDED.delivery, updated_at = EXCLUDED.updated_at
                    WHERE l.claim_token = EXCLUDED.claim_token
                    """.formatted(NOW))) {
                s.setString(1, ref);
                s.setString(2, state);
                s.setObject(3, token != null ? token : UUID.randomUUID());
                s.setString(4, instanceId);
                s.setString(5, doc);
                s.setDouble(6, clockShiftSeconds);
                return s.executeUpdate();
            }
        });
        if (token != null) {
            grants.remove(ref, token);
        }
    }

    @Override
    public void resolve(String reference, Delivery delivery) {
        String ref = key(reference);
        Checks.required(delivery, "delivery");
        String unknown = "reference = ? AND (state IN ('OUTCOME_UNKNOWN', 'EXPIRED')"
                + " OR state = 'IN_FLIGHT' AND lease_until <= (SELECT t FROM " + NOW + "))";
        jdbc.call(connection -> {
            if (delivery instanceof Delivery.NotSent) {
                try (PreparedStatement s = connection.prepareStatement(
                        "DELETE FROM switchboard.ledger WHERE " + unknown)) {
                    s.setString(1, ref);
                    s.setDouble(2, clockShiftSeconds);
                    return s.executeUpdate();
                }
            }
            try (PreparedStatement s = connection.prepareStatement("UPDATE switchboard.ledger SET state = ?,"
                    + " delivery = ?::jsonb, updated_at = now() + make_interval(secs => ?) WHERE " + unknown)) {
                s.setString(1, delivery instanceof Delivery.Sent ? "SENT" : "OUTCOME_UNKNOWN");
                s.setString(2, json.write(delivery));
                s.setDouble(3, clockShiftSeconds);
                s.setString(4, ref);
                s.setDouble(5, clockShiftSeconds);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<String> abandoned(int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT reference FROM switchboard.ledger"
                    + " WHERE state = 'EXPIRED' OR (state = 'IN_FLIGHT' AND lease_until <= (SELECT t FROM " + NOW + "))"
                    + " ORDER BY claimed_at, reference LIMIT ?")) {
                s.setDouble(1, clockShiftSeconds);
                s.setInt(2, limit);
                List<String> references = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        references.add(rows.getString(1));
                    }
                }
                return references;
            }
        });
    }

    /**
     * Deletes what the ledger remembers longer than its retention after the last change, and returns how many
     * references it forgot. A claim past the retention is granted again even before this runs; run it now and then
     * (hourly, say) to keep the table small.
     */
    public int purge() {
        return jdbc.call(connection -> {
            try (PreparedStatement s = connection.prepareStatement(purgeSql)) {
                s.setDouble(1, clockShiftSeconds);
                s.setDouble(2, clockShiftSeconds);
                return s.executeUpdate();
            }
        });
    }

    /** The lease a claim holds. */
    public Duration lease() {
        return lease;
    }

    /** For tests: every statement from now on sees the database's clock moved on by {@code shift}. */
    void shiftClock(Duration shift) {
        this.clockShiftSeconds = shift.toNanos() / 1e9;
    }

    private Delivery expired(String reference, String claimer, OffsetDateTime claimedAt) {
        return new Delivery.OutcomeUnknown(UNRECORDED_ACCOUNT, Failure.of(FailureKind.OUTCOME_UNKNOWN,
                "instance '" + claimer + "' claimed this reference at " + claimedAt.toInstant() + " and stopped before"
                + " recording the outcome (its lease of " + lease + " ran out); the message may have been sent"),
                List.of(), Optional.of(reference));
    }

    private static String key(String reference) {
        return Jdbc.storable(Checks.notBlank(reference, "clientReference"), "clientReference");
    }
}
