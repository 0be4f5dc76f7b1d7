-- SPEC §16: the store's events are the leaves of a Merkle tree (RFC 6962), in sequence order. A leaf is
-- SHA-256(0x00 || the event's canonical bytes: what its chain hash covers, EventHash.canonical), a node
-- SHA-256(0x01 || left || right). Kept here: every complete subtree, by (level, position) — level 0 the leaves,
-- position p of level l covering the leaves [p * 2^l, (p + 1) * 2^l). A complete subtree never changes as the tree
-- grows, so the table is append-only like the store: the appending transaction adds the leaves of its events and
-- the subtrees they complete (CommitOrderedAppend, MerkleTreeStore), about two rows an event. Any root or audit path
-- is put together from at most about 2 log2(n) of them, read by primary key.
--
-- An existing store's events get their leaves at the first start after this migration (MerkleTreeBackfill).
CREATE TABLE merkle_node (
    level    SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    position BIGINT   NOT NULL CHECK (position >= 0),
    hash     BYTEA    NOT NULL CHECK (length(hash) = 32),
    -- a leaf's event (level 0 only): the proofs of an event start from its leaf
    sequence BIGINT   CHECK ((level = 0) = (sequence IS NOT NULL)),
    PRIMARY KEY (level, position)
);
CREATE INDEX merkle_node_leaf_sequence ON merkle_node (sequence) WHERE level = 0;
