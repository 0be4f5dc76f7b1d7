-- Issue #18: a checkpoint of knowledge holds its sums by dimension and month instead of day sums, so that a report
-- reads at most two rows per dimension from a checkpoint, whatever its asOf (a department of 200 units: thousands of
-- rows, where the day sums were hundreds of thousands). See CheckpointMonths.
--
-- Per dimension: from the month of its first fact (first_month) to the month after its last, its sums before each
-- month: before_month_fen[k] holds the facts effective before the k-th month from the first ([1] is 0, the last is
-- its total).
CREATE TABLE fact_checkpoint_dimension (
    unit             VARCHAR(32)  NOT NULL,
    year             INTEGER      NOT NULL,
    known_until      TIMESTAMPTZ  NOT NULL,
    measure          VARCHAR(16)  NOT NULL,
    fund             VARCHAR(20)  NOT NULL,
    subject          CHAR(7)      NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    economic         VARCHAR(5)   NOT NULL,
    project          VARCHAR(200) NOT NULL,
    origin           VARCHAR(16)  NOT NULL,
    counterparty     VARCHAR(32)  NOT NULL,
    first_month      DATE         NOT NULL,
    before_month_fen BIGINT[]     NOT NULL
);
CREATE INDEX fact_checkpoint_dimension_at ON fact_checkpoint_dimension (unit, year, known_until);

-- Per dimension and month its facts fall in: day_fen[d] holds the facts of the month effective up to day d of it.
CREATE TABLE fact_checkpoint_month (
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    known_until    TIMESTAMPTZ  NOT NULL,
    month          DATE         NOT NULL,
    measure        VARCHAR(16)  NOT NULL,
    fund           VARCHAR(20)  NOT NULL,
    subject        CHAR(7)      NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    economic       VARCHAR(5)   NOT NULL,
    project        VARCHAR(200) NOT NULL,
    origin         VARCHAR(16)  NOT NULL,
    counterparty   VARCHAR(32)  NOT NULL,
    day_fen        BIGINT[]     NOT NULL
);
CREATE INDEX fact_checkpoint_month_at ON fact_checkpoint_month (unit, year, known_until, month);

-- The checkpoints taken so far, their day sums turned into these rows: reports at an old knownAt stay as fast.
INSERT INTO fact_checkpoint_month (unit, year, known_until, month, measure, fund, subject, kind, economic, project, origin,
                                   counterparty, day_fen)
SELECT unit, year, known_until, month, measure, fund, subject, kind, economic, project, origin, counterparty,
       array_agg(fen ORDER BY on_day)::bigint[]
FROM (SELECT k.*, on_day,
             sum(coalesce(s.amount_fen, 0)) OVER (PARTITION BY k.unit, k.year, k.known_until, k.month, k.measure, k.fund,
                 k.subject, k.kind, k.economic, k.project, k.origin, k.counterparty ORDER BY on_day) AS fen
      FROM (SELECT DISTINCT unit, year, known_until, measure, fund, subject, kind, economic, project, origin,
                            counterparty, date_trunc('month', effective_date)::date AS month
            FROM fact_checkpoint_sum) k
      CROSS JOIN generate_series(k.month::timestamp, (k.month + interval '1 month' - interval '1 day')::timestamp,
                                 interval '1 day') AS on_day
      LEFT JOIN fact_checkpoint_sum s
             ON s.unit = k.unit AND s.year = k.year AND s.known_until = k.known_until AND s.measure = k.measure
            AND s.fund = k.fund AND s.subject = k.subject AND s.kind = k.kind AND s.economic = k.economic
            AND s.project = k.project AND s.origin = k.origin AND s.counterparty = k.counterparty
            AND s.effective_date = on_day::date) days
GROUP BY unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty, month
ORDER BY unit, year, known_until, month;

INSERT INTO fact_checkpoint_dimension (unit, year, known_until, measure, fund, subject, kind, economic, project, origin,
                                       counterparty, first_month, before_month_fen)
SELECT unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty, first_month,
       array_agg(fen ORDER BY before_month)::bigint[]
FROM (SELECT d.*, before_month,
             coalesce(sum(m.day_fen[array_length(m.day_fen, 1)]) OVER (PARTITION BY d.unit, d.year, d.known_until,
                 d.measure, d.fund, d.subject, d.kind, d.economic, d.project, d.origin, d.counterparty
                 ORDER BY before_month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS fen
      FROM (SELECT unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty,
                   min(month) AS first_month, max(month) AS last_month
            FROM fact_checkpoint_month
            GROUP BY unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty) d
      CROSS JOIN generate_series(d.first_month::timestamp, (d.last_month + interval '1 month')::timestamp,
                                 interval '1 month') AS before_month
      LEFT JOIN fact_checkpoint_month m
             ON m.unit = d.unit AND m.year = d.year AND m.known_until = d.known_until AND m.measure = d.measure
            AND m.fund = d.fund AND m.subject = d.subject AND m.kind = d.kind AND m.economic = d.economic
            AND m.project = d.project AND m.origin = d.origin AND m.counterparty = d.counterparty
            AND m.month = before_month::date) months
GROUP BY unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty, first_month;

-- A checkpoint is taken once at least as many facts as the latest one has rows have been recorded since it.
UPDATE fact_checkpoint c SET sum_rows =
    (SELECT count(*) FROM fact_checkpoint_month m
     WHERE m.unit = c.unit AND m.year = c.year AND m.known_until = c.known_until)
  + (SELECT count(*) FROM fact_checkpoint_dimension d
     WHERE d.unit = c.unit AND d.year = c.year AND d.known_until = c.known_until);
UPDATE fact_uncheckpointed state SET latest_rows = c.sum_rows
FROM fact_checkpoint c
WHERE c.unit = state.unit AND c.year = state.year AND c.known_until = state.latest_known_until;

DROP TABLE fact_checkpoint_sum;

-- The facts between a checkpoint and a report's knownAt are read by unit-year and recording instant. This index holds
-- what a report sums of them, so that it reads them from the index alone (an index-only scan), instead of a page of
-- the table per fact (a unit's facts lie among every other unit's). It replaces V2's index on the same columns.
CREATE INDEX fact_unit_year_recorded_sums ON fact (unit, year, recorded_at)
    INCLUDE (effective_date, measure, fund, subject, kind, economic, project, origin, counterparty, amount_fen);
DROP INDEX fact_unit_year_recorded;
-- An index-only scan reads the table's page all the same until a vacuum has marked it all-visible: the fact table,
-- which rows are only ever added to, is vacuumed after every 1 % of new rows (PostgreSQL's default: 20 %), so that
-- only the latest facts are read from the table.
ALTER TABLE fact SET (autovacuum_vacuum_insert_scale_factor = 0.01);
