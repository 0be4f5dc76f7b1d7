-- Issue #20: the drill-down from a report cell to the transactions behind it. What a list of them shows beyond the
-- facts' dimensions and amounts: the transaction's id and type (as posted: PAY, REFUND, ...), who posted it, its memo
-- (摘要) and voucher (凭证号); one row per event of a budget year that has facts or sets a 三公 limit, written in the
-- transaction of its facts. A read model made before this migration has none for the events it applied until it is
-- rebuilt (docs/OPERATIONS.md); the drill-down lists their facts all the same, without these.
CREATE TABLE fact_transaction (
    sequence       BIGINT       PRIMARY KEY,
    transaction_id TEXT         NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    principal      TEXT,
    memo           TEXT,
    voucher        TEXT
);

-- A cell's facts in the drill-down's order (effective date, then sequence), one unit-year at a time: the first page of
-- a cell backed by many facts reads this index in order and stops once it has a page of them. V8 dropped an index on
-- (unit, year, effective_date) that nothing read; this one the drill-down and the comparison by asOf read.
CREATE INDEX fact_unit_year_effective ON fact (unit, year, effective_date, sequence, part);

-- A cell of few facts among many (a 项 of a few payments in a unit-year of a million, a 三公 code, an economic code
-- rarely paid on) is found by its measure and subject, or economic code, instead, and its facts sorted: the planner
-- chooses by the code's share of the facts. The pattern operator class lets a prefix (a 类 or 款: LIKE '214%', an
-- economic group) be read as a range.
CREATE INDEX fact_unit_year_subject ON fact (unit, year, measure, subject bpchar_pattern_ops);
CREATE INDEX fact_unit_year_economic ON fact (unit, year, measure, economic bpchar_pattern_ops);
