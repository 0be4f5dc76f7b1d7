-- Budget lines as they stand, kept in the same database transaction as the events that change them
-- (a subscribing event processor), for GET /api/v1/budget-lines. The events remain the truth: this table
-- can be rebuilt from them.
CREATE TABLE budget_line (
    id              VARCHAR(80)  PRIMARY KEY,
    unit            VARCHAR(32)  NOT NULL,
    year            INTEGER      NOT NULL,
    fund            VARCHAR(20)  NOT NULL,
    subject         CHAR(7)      NOT NULL,
    kind            VARCHAR(20),
    project         VARCHAR(200),
    economic        VARCHAR(5),
    origin          VARCHAR(16)  NOT NULL,
    created_on      DATE         NOT NULL,
    initial_fen     BIGINT       NOT NULL,
    adjustments_fen BIGINT       NOT NULL DEFAULT 0,
    paid_fen        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX budget_line_unit_year ON budget_line (unit, year);
