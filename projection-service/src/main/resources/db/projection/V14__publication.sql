-- SPEC §15: what the publication (部门决算公开文本) needs beyond the facts of the tables.

-- A payment's disclosure (PaymentMade.procurement, .activity): one row per payment that has either, and one per
-- refund of such a payment (its amount negative, its counts 0: a refund gives money back, it undoes no trip), with
-- both time axes, so that the 政府采购 and activity sums are asked at any (asOf, knownAt) as the tables are.
CREATE TABLE payment_disclosure (
    sequence         BIGINT       PRIMARY KEY,
    unit             VARCHAR(32)  NOT NULL,
    year             INTEGER      NOT NULL,
    payment_id       VARCHAR(64)  NOT NULL,
    effective_date   DATE         NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    fund             VARCHAR(20)  NOT NULL,
    economic         CHAR(5)      NOT NULL,
    counterparty     VARCHAR(32),
    category         VARCHAR(10),
    award            VARCHAR(12),
    amount_fen       BIGINT       NOT NULL,
    activity_count   INTEGER      NOT NULL,
    activity_persons INTEGER      NOT NULL
);
CREATE INDEX payment_disclosure_unit_year ON payment_disclosure (unit, year, payment_id);

-- A unit-year's profile and last year's reference tables, each as its event said (JSON), every recording kept: the
-- publication reads the latest one recorded by its knownAt.
CREATE TABLE unit_year_profile (
    sequence    BIGINT       PRIMARY KEY,
    unit        VARCHAR(32)  NOT NULL,
    year        INTEGER      NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    profile     TEXT         NOT NULL
);
CREATE INDEX unit_year_profile_unit_year ON unit_year_profile (unit, year, recorded_at);

CREATE TABLE reference_tables (
    sequence    BIGINT       PRIMARY KEY,
    unit        VARCHAR(32)  NOT NULL,
    year        INTEGER      NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    tables      TEXT         NOT NULL
);
CREATE INDEX reference_tables_unit_year ON reference_tables (unit, year, recorded_at);

-- The hash each event carried on the topic (its place in the store's hash chain, SPEC §9): a publication states the
-- sequence and hash of the last event it was computed from, which an auditor checks against the ledger's digest and
-- history. Null for an event applied before this column existed.
ALTER TABLE applied_event ADD COLUMN hash CHAR(64);
CREATE INDEX applied_event_recorded_at ON applied_event (recorded_at, sequence);
