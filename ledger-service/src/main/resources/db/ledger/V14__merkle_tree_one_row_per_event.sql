-- SPEC §16, issue #22: the Merkle tree of V11 in one row per event instead of about two. V11 kept every complete
-- subtree in a row of its own, by (level, position); that cost each append a second heap row and a second index entry
-- per event, which the benchmarks measured as most of what the tree costs the append path (BENCHMARKS.md, session 11).
--
-- Each leaf's row now also carries the subtrees its leaf completes: leaf p completes the subtrees of levels 1..t,
-- t the number of trailing one bits of p (p + 1 divisible by 2^l), each the hash of its two halves. The subtree
-- (l, q) covering the leaves [q * 2^l, (q + 1) * 2^l) is therefore in the row of its last leaf, p = (q + 1) * 2^l - 1,
-- at bytes [(l - 1) * 32, l * 32) of `completed`: still one read by primary key for any node, so a root or an audit path
-- reads at most about 2 log2(n) rows, as before. Nothing of a row changes once written: append-only, like the store.
CREATE TABLE merkle_leaf (
    position  BIGINT PRIMARY KEY CHECK (position >= 0),
    -- the leaf's event: the proofs of an event start from its leaf
    sequence  BIGINT NOT NULL UNIQUE,
    -- SHA-256(0x00 || the event's canonical bytes)
    hash      BYTEA  NOT NULL CHECK (length(hash) = 32),
    -- the subtrees the leaf completes, level 1 first: (position + 1) XOR position has t + 1 one bits
    completed BYTEA  NOT NULL CHECK (length(completed) = 32 * (bit_count(((position + 1) # position)::bit(64)) - 1))
);

-- The tree as V11 stored it, converted leaf by leaf: the tree the digests were signed over is kept as it is, never
-- recomputed from the events (which would take in whatever was done to them). Only the leaves before the first one
-- missing, or missing a subtree it completes, are converted (the whole tree, unless rows were removed by hand); the
-- start's backfill adds the rest from the events, as it does for events stored before the tree.
WITH leaf AS (
    SELECT l.position, row_number() OVER (ORDER BY l.position) - 1 AS rank, l.sequence, l.hash,
           coalesce((SELECT string_agg(n.hash, ''::bytea ORDER BY n.level)
                     FROM generate_series(1, 62) AS g(level)
                     JOIN merkle_node n ON n.level = g.level AND n.position = ((l.position + 1) >> g.level) - 1
                     WHERE ((l.position + 1) & ((1::bigint << g.level) - 1)) = 0), ''::bytea) AS completed
    FROM merkle_node l
    WHERE l.level = 0
), first_incomplete AS (
    SELECT min(rank) AS rank FROM leaf
    WHERE rank <> position OR length(completed) <> 32 * (bit_count(((position + 1) # position)::bit(64)) - 1)
)
INSERT INTO merkle_leaf (position, sequence, hash, completed)
SELECT leaf.position, leaf.sequence, leaf.hash, leaf.completed
FROM leaf, first_incomplete
WHERE first_incomplete.rank IS NULL OR leaf.rank < first_incomplete.rank;

DROP TABLE merkle_node;
