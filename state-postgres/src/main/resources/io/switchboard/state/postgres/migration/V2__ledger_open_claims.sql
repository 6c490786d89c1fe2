-- Read-back lists the claims whose lease ran out without an outcome (PostgresDeliveryLedger.abandoned) on every run:
-- an index over the claims still open keeps that cheap however large the ledger grows.
CREATE INDEX ledger_open_claims ON switchboard.ledger (claimed_at) WHERE state IN ('IN_FLIGHT', 'EXPIRED');
