-- SPEC §12: the units and the catalog codes added through the API, as their events said, kept bitemporally so that
-- a report names the unit and every row as of (asOf, knownAt). A registration holds from the beginning of time
-- (effective_date null); a change from its effective date on, each replacing only its non-null attributes.
CREATE TABLE unit_event (
    sequence       BIGINT       PRIMARY KEY,
    unit           VARCHAR(32)  NOT NULL,
    effective_date DATE,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    name           TEXT,
    parent         VARCHAR(32),
    unit_type      VARCHAR(32)
);

-- A code added to a catalog: it holds from the beginning of time, once known (recorded_at).
CREATE TABLE catalog_code (
    sequence    BIGINT       PRIMARY KEY,
    catalog     VARCHAR(16)  NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name        TEXT         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);

-- How many registry events were applied: every delivery that applies one adds to it in its own transaction, so a
-- reader holding the register in memory knows by one row whether it is still current (a registry event can be
-- applied after one of a higher sequence: it travels under another key, so the highest sequence would not tell).
CREATE TABLE registry_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    applied BIGINT   NOT NULL
);
INSERT INTO registry_version (id, applied) VALUES (1, 0);

-- A registry event is applied like any other (applied_event, idempotent on sequence) but belongs to no budget
-- year: its unit is its key (the unit's code, or catalog:SUBJECTS / catalog:ECONOMIC) and its year is null.
ALTER TABLE applied_event ALTER COLUMN year DROP NOT NULL;
