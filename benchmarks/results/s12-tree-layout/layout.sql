-- Session 12 (not part of the product): the tree's rows per append in V11's layout and V14's, same rows, same server; see run.sh
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS old_node, new_leaf, stage_old, stage_new;
CREATE TABLE old_node (level SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62), position BIGINT NOT NULL CHECK (position >= 0),
    hash BYTEA NOT NULL CHECK (length(hash) = 32), sequence BIGINT CHECK ((level = 0) = (sequence IS NOT NULL)), PRIMARY KEY (level, position));
CREATE INDEX ON old_node (sequence) WHERE level = 0;
CREATE TABLE new_leaf (position BIGINT PRIMARY KEY CHECK (position >= 0), sequence BIGINT NOT NULL UNIQUE,
    hash BYTEA NOT NULL CHECK (length(hash) = 32),
    completed BYTEA NOT NULL CHECK (length(completed) = 32 * (bit_count(((position + 1) # position)::bit(64)) - 1)));
-- the rows of :n events, generated beforehand, so that the measured statements only insert
CREATE UNLOGGED TABLE stage_old AS
SELECT x AS leaf, g.level::smallint AS level, ((x + 1) >> g.level) - 1 AS position, sha256(int8send(x * 64 + g.level)) AS hash,
       CASE WHEN g.level = 0 THEN x + 1000 END AS sequence
FROM generate_series(0, :n - 1) x, generate_series(0, 62) g(level) WHERE ((x + 1) & ((1::bigint << g.level) - 1)) = 0;
CREATE INDEX ON stage_old (leaf);
CREATE UNLOGGED TABLE stage_new AS
SELECT x AS position, x + 1000 AS sequence, sha256(int8send(x * 64)) AS hash,
       coalesce((SELECT string_agg(sha256(int8send(x * 64 + l)), ''::bytea ORDER BY l) FROM generate_series(1, 62) l
                 WHERE ((x + 1) & ((1::bigint << l) - 1)) = 0), ''::bytea) AS completed
FROM generate_series(0, :n - 1) x;
CREATE INDEX ON stage_new (position);
VACUUM ANALYZE stage_old; VACUUM ANALYZE stage_new;
CHECKPOINT;
SELECT count(*) AS old_rows, (SELECT count(*) FROM stage_new) AS new_rows FROM stage_old;
