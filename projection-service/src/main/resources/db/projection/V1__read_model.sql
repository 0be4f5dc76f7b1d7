-- Every event the projection applied, once: the primary key makes a redelivered event a no-op.
CREATE TABLE applied_event (
    sequence    BIGINT       PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    unit        VARCHAR(32)  NOT NULL,
    year        INTEGER      NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    applied_at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

-- The amounts events contribute to report cells, one row per (event, part), with both time axes so a
-- report can keep what was effective by asOf and recorded by knownAt.
CREATE TABLE fact (
    sequence       BIGINT       NOT NULL,
    part           SMALLINT     NOT NULL,
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    effective_date DATE         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    measure        VARCHAR(16)  NOT NULL,
    fund           VARCHAR(20)  NOT NULL,
    subject        CHAR(7)      NOT NULL,
    kind           VARCHAR(20),
    economic       CHAR(5),
    project        VARCHAR(200),
    line_id        VARCHAR(80),
    amount_fen     BIGINT       NOT NULL,
    PRIMARY KEY (sequence, part)
);
CREATE INDEX fact_unit_year ON fact (unit, year, effective_date);
