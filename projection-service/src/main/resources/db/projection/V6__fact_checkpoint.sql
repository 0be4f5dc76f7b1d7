-- Checkpoints of knowledge, so that a report for an old knownAt does not take away every fact recorded since.
-- A checkpoint of a unit-year holds the day sums of exactly the facts recorded at or before known_until. A
-- report at knownAt reads the latest checkpoint at or before it plus the facts recorded between the two; a
-- checkpoint is taken after a bucket of facts (see FactCheckpoints), so that is at most one bucket of facts,
-- however the recording times are spread.
CREATE TABLE fact_checkpoint (
    unit        VARCHAR(32)  NOT NULL,
    year        INTEGER      NOT NULL,
    known_until TIMESTAMPTZ  NOT NULL,
    sum_rows    INTEGER      NOT NULL,
    PRIMARY KEY (unit, year, known_until)
);

CREATE TABLE fact_checkpoint_sum (
    unit           VARCHAR(32)  NOT NULL,
    year           INTEGER      NOT NULL,
    known_until    TIMESTAMPTZ  NOT NULL,
    effective_date DATE         NOT NULL,
    measure        VARCHAR(16)  NOT NULL,
    fund           VARCHAR(20)  NOT NULL,
    subject        CHAR(7)      NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    economic       VARCHAR(5)   NOT NULL,
    project        VARCHAR(200) NOT NULL,
    origin         VARCHAR(16)  NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    PRIMARY KEY (unit, year, known_until, effective_date, measure, fund, subject, kind, economic, project, origin)
);

-- Facts of each unit-year recorded after its latest checkpoint: when enough have gathered, the next is taken.
CREATE TABLE fact_uncheckpointed (
    unit  VARCHAR(32) NOT NULL,
    year  INTEGER     NOT NULL,
    facts BIGINT      NOT NULL,
    PRIMARY KEY (unit, year)
);

INSERT INTO fact_uncheckpointed (unit, year, facts)
SELECT unit, year, count(*) FROM fact GROUP BY unit, year;
