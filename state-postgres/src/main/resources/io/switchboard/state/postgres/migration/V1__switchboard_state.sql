-- Switchboard's shared state. Everything lives in the schema `switchboard`, which Flyway creates; its history table
-- is switchboard.flyway_schema_history, so an application's own Flyway never sees these migrations.
--
-- Documents are jsonb, written by StateJson (format version 1). jsonb cannot hold U+0000 or an unpaired surrogate,
-- which a caller's message text may contain: StateJson writes such a string as {"utf16": "<Base64 of UTF-16BE>"}.
-- The documents are read whole; the queries run on the plain columns beside them.

-- The delivery ledger: one row per client reference while it is claimed or remembered.
CREATE TABLE switchboard.ledger (
    reference    text        PRIMARY KEY,
    -- IN_FLIGHT: claimed, lease running; EXPIRED: the lease ran out before `complete` (answered as outcome unknown);
    -- SENT / OUTCOME_UNKNOWN: completed, `delivery` holds what it came to.
    state        text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'EXPIRED', 'SENT', 'OUTCOME_UNKNOWN')),
    -- Random per claim: only the claimer's `complete` applies, never a late one of an earlier claim.
    claim_token  uuid        NOT NULL,
    instance_id  text        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    lease_until  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    delivery     jsonb
);
CREATE INDEX ledger_updated_at ON switchboard.ledger (updated_at);

-- Delivery records: the whole record as a document, and the fields RecordQuery filters on as columns.
CREATE TABLE switchboard.delivery_records (
    record_key   text        PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    outcome      text        NOT NULL,
    status       text,       -- the current send's status, null before the first send
    account      text,       -- the current send's account (vendor:name), null before the first send
    country      text        NOT NULL,
    is_final     boolean     NOT NULL,
    record       jsonb       NOT NULL
);
CREATE INDEX delivery_records_created ON switchboard.delivery_records (created_at DESC);
CREATE INDEX delivery_records_outcome ON switchboard.delivery_records (outcome, created_at DESC);
CREATE INDEX delivery_records_status ON switchboard.delivery_records (status, created_at DESC);
CREATE INDEX delivery_records_account ON switchboard.delivery_records (account, created_at DESC);
CREATE INDEX delivery_records_country ON switchboard.delivery_records (country, created_at DESC);
-- Read-back looks for records still waiting: keep that index small.
CREATE INDEX delivery_records_waiting ON switchboard.delivery_records (created_at DESC) WHERE NOT is_final;
CREATE INDEX delivery_records_updated ON switchboard.delivery_records (updated_at);

-- The vendor-id index: (account, vendor id) -> record, written in the record's transaction.
CREATE TABLE switchboard.delivery_vendor_ids (
    account      text NOT NULL,
    vendor_id    text NOT NULL,
    record_key   text NOT NULL REFERENCES switchboard.delivery_records (record_key) ON DELETE CASCADE,
    PRIMARY KEY (account, vendor_id)
);
CREATE INDEX delivery_vendor_ids_record ON switchboard.delivery_vendor_ids (record_key);

-- Callback event ids already applied, so that a replay applies nothing.
CREATE TABLE switchboard.seen_events (
    event_id     text        PRIMARY KEY,
    seen_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_events_seen_at ON switchboard.seen_events (seen_at);

-- Opted-out numbers, kept until they opt in again.
CREATE TABLE switchboard.suppressions (
    number       text        PRIMARY KEY,  -- E.164
    account      text        NOT NULL,
    reason       text        NOT NULL,
    since        timestamptz NOT NULL
);
CREATE INDEX suppressions_since ON switchboard.suppressions (since);
