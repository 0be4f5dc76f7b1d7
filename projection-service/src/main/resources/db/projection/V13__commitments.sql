-- SPEC §14: what each event did to a commitment (冻结), with both time axes, so that a commitment's open amount and
-- open schedule are known at any (asOf, knownAt): made (COMMIT) or carried in (CARRY_OVER, in the new year) with its
-- contract, payee and schedule; paid under (PAY with commitment); released (RELEASE). The committed amounts of the
-- tables are facts (measure COMMITTED) like every other amount; these rows keep what facts do not: which
-- commitment, and its schedule.
CREATE TABLE commitment_movement (
    sequence       BIGINT       PRIMARY KEY,
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    commitment     VARCHAR(64)  NOT NULL,
    type           VARCHAR(16)  NOT NULL,
    effective_date DATE         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    line_id        VARCHAR(80)  NOT NULL,
    project        VARCHAR(200),
    amount_fen     BIGINT       NOT NULL,
    contract       TEXT,
    payee          TEXT
);
CREATE INDEX commitment_movement_unit_year ON commitment_movement (unit, year, recorded_at);

-- The expected payments of a made or carried-in commitment, in the order its event lists them (earliest first).
CREATE TABLE commitment_schedule (
    sequence   BIGINT  NOT NULL,
    position   INTEGER NOT NULL,
    due_date   DATE    NOT NULL,
    amount_fen BIGINT  NOT NULL,
    PRIMARY KEY (sequence, position)
);
