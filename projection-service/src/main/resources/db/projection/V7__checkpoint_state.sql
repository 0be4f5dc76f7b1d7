-- Each unit-year's latest checkpoint beside its count of facts recorded after it, so that a delivery reads and
-- updates both for all the unit-years it touched in one statement.
ALTER TABLE fact_uncheckpointed
    ADD COLUMN latest_known_until TIMESTAMPTZ,
    ADD COLUMN latest_rows        INTEGER NOT NULL DEFAULT 0;

UPDATE fact_uncheckpointed state SET latest_known_until = latest.known_until, latest_rows = latest.sum_rows
FROM (SELECT DISTINCT ON (unit, year) unit, year, known_until, sum_rows FROM fact_checkpoint
      ORDER BY unit, year, known_until DESC) latest
WHERE state.unit = latest.unit AND state.year = latest.year;
