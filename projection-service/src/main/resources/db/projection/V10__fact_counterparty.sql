-- SPEC §13: the unit at the other end of an internal flow (a PAY of kind SUBSIDY_AFFILIATE or REMIT_SUPERIOR, a
-- RECEIVE of fund SUPERIOR_SUBSIDY or AFFILIATE, and a refund of such a payment), so that a department's
-- consolidated report can leave out the flows between its own units. Facts recorded before are of no
-- counterparty ('' in the day sums and checkpoints, where it is part of the key).
ALTER TABLE fact ADD COLUMN counterparty VARCHAR(32);

ALTER TABLE fact_daily ADD COLUMN counterparty VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE fact_daily DROP CONSTRAINT fact_daily_pkey,
    ADD PRIMARY KEY (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin, counterparty);

ALTER TABLE fact_checkpoint_sum ADD COLUMN counterparty VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE fact_checkpoint_sum DROP CONSTRAINT fact_checkpoint_sum_pkey,
    ADD PRIMARY KEY (unit, year, known_until, effective_date, measure, fund, subject, kind, economic, project, origin,
                     counterparty);
