-- How the budget line behind a fact came into being (APPROPRIATION, OPENING, CARRY_OVER), for the
-- execution report's parts; null for facts without a line (receipts, reserve, distributions).
ALTER TABLE fact ADD COLUMN origin VARCHAR(16);
CREATE INDEX fact_unit_year_recorded ON fact (unit, year, recorded_at);

-- 三公经费 limits as set (SET_LIMIT): the one in force at asOf is the latest effective on or before it.
CREATE TABLE three_public_limit (
    sequence       BIGINT       PRIMARY KEY,
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    category       VARCHAR(20)  NOT NULL,
    effective_date DATE         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    amount_fen     BIGINT       NOT NULL
);
CREATE INDEX three_public_limit_unit_year ON three_public_limit (unit, year, category, effective_date);
