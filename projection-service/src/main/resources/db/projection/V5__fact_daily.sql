-- Facts summed per effective day and dimensions, kept in the same transaction as the facts: a report at
-- (asOf, knownAt) sums these rows up to asOf and takes away the few facts recorded after knownAt, instead of
-- summing every fact of the unit-year. Absent dimensions are '' here (they are part of the key).
CREATE TABLE fact_daily (
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    effective_date DATE         NOT NULL,
    measure        VARCHAR(16)  NOT NULL,
    fund           VARCHAR(20)  NOT NULL,
    subject        CHAR(7)      NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    economic       VARCHAR(5)   NOT NULL,
    project        VARCHAR(200) NOT NULL,
    origin         VARCHAR(16)  NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    PRIMARY KEY (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin)
);

INSERT INTO fact_daily (unit, year, effective_date, measure, fund, subject, kind, economic, project, origin, amount_fen)
SELECT unit, year, effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
       coalesce(project, ''), coalesce(origin, ''), sum(amount_fen)
FROM fact
GROUP BY unit, year, effective_date, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
         coalesce(project, ''), coalesce(origin, '');
