-- SPEC §12: units and catalog codes are events in the store (UnitRegistered, UnitChanged, CatalogCodeAdded), in the
-- same hash chain as the budget years' events, written in the same transaction as the tables below.

-- A unit's registration: its parent (上级单位 / 主管部门; null at the top) and type as registered. What holds on a
-- date is the registration overlaid by the unit's changes effective by then (unit_change).
ALTER TABLE unit
    ADD COLUMN parent VARCHAR(32) REFERENCES unit (code),
    ADD COLUMN type   VARCHAR(32) NOT NULL DEFAULT 'OTHER'
        CHECK (type IN ('ADMINISTRATIVE', 'CIVIL_SERVICE_MANAGED', 'PUBLIC_SERVICE_1', 'PUBLIC_SERVICE_2', 'SELF_FUNDED', 'OTHER'));

-- 单位变更 (PATCH /api/v1/units/{code}): from effective_date on; a null field keeps what held before. sequence is
-- the store's sequence of its UnitChanged event, which orders changes of one effective date.
CREATE TABLE unit_change (
    sequence       BIGINT       PRIMARY KEY,
    unit           VARCHAR(32)  NOT NULL REFERENCES unit (code),
    effective_date DATE         NOT NULL,
    name           VARCHAR(200),
    parent         VARCHAR(32)  REFERENCES unit (code),
    type           VARCHAR(32)
        CHECK (type IN ('ADMINISTRATIVE', 'CIVIL_SERVICE_MANAGED', 'PUBLIC_SERVICE_1', 'PUBLIC_SERVICE_2', 'SELF_FUNDED', 'OTHER')),
    recorded_at    TIMESTAMPTZ  NOT NULL,
    principal      VARCHAR(200) NOT NULL,
    CHECK (name IS NOT NULL OR parent IS NOT NULL OR type IS NOT NULL)
);
CREATE INDEX unit_change_unit ON unit_change (unit, effective_date, sequence);

-- A registry event belongs to no transaction: its aggregate is the unit's code (no ':'), or catalog:SUBJECTS /
-- catalog:ECONOMIC. A budget year's event ("{unit}:{year}") still needs its transaction, of its own unit.
ALTER TABLE domain_event_entry
    ALTER COLUMN transaction_id DROP NOT NULL,
    ALTER COLUMN unit DROP NOT NULL,
    DROP CONSTRAINT domain_event_entry_unit_of_budget_year,
    ADD CONSTRAINT domain_event_entry_unit_of_aggregate CHECK (CASE
        WHEN aggregateIdentifier IN ('catalog:SUBJECTS', 'catalog:ECONOMIC') THEN unit IS NULL AND transaction_id IS NULL
        WHEN strpos(aggregateIdentifier, ':') = 0 THEN unit = aggregateIdentifier AND transaction_id IS NULL
        ELSE unit = split_part(aggregateIdentifier, ':', 1) AND transaction_id IS NOT NULL END);
