-- SPEC §14: commitments (用款冻结). What the open commitments of a line hold, beside its other amounts:
-- available = initial + adjustments - paid - committed.
ALTER TABLE budget_line ADD COLUMN committed_fen BIGINT NOT NULL DEFAULT 0;

-- Each commitment as it stands in its budget year, for GET /api/v1/commitments, kept as budget_line is: in the
-- transaction that stores the events that change it; the events remain the truth. A commitment a carry-over moved
-- into the next year has a row there too, under the same id (carried_from), and its row in the closed year says
-- where it went (carried_into). schedule: the expected payments as made (or carried), earliest first, as JSON
-- [{"date": "2023-07-01", "amount": "100.00"}]; what is still open of it follows from paid_fen and released_fen.
CREATE TABLE commitment (
    unit         VARCHAR(32)  NOT NULL,
    year         INTEGER      NOT NULL,
    id           VARCHAR(64)  NOT NULL,
    line_id      VARCHAR(80)  NOT NULL,
    made_on      DATE         NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    paid_fen     BIGINT       NOT NULL DEFAULT 0,
    released_fen BIGINT       NOT NULL DEFAULT 0,
    contract     VARCHAR(64),
    payee        VARCHAR(200),
    schedule     JSONB        NOT NULL,
    carried_from INTEGER,
    carried_into INTEGER,
    PRIMARY KEY (unit, year, id)
);
-- GET /api/v1/commitments/{id} without a unit
CREATE INDEX commitment_id ON commitment (id);
