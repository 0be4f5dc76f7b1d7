-- A unit-year the projection stopped at an event it cannot apply however often it tries (a deterministic data error:
-- a value the read model refuses, an amount that overflows): that event, with the error, and every later event of the
-- unit-year, held here in sequence order instead of applied, so that the unit-year's figures stay those from before the
-- event instead of silently leaving it out; the other unit-years go on. Re-processing (after a fix) applies them in
-- order and removes them. A register's event (a unit's, the catalog's) is held under its key with year 0.
CREATE TABLE held_event (
    unit      VARCHAR(100) NOT NULL,
    year      INTEGER      NOT NULL,
    sequence  BIGINT       NOT NULL,
    value     BYTEA        NOT NULL,
    error     TEXT,
    held_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (unit, year, sequence)
);
