-- SPEC §16: the ledger's signed digests as it publishes them (budgetledger.digests.topic), kept once each: a table or
-- publication states the smallest one that covers the events its figures were computed from (LedgerDigests). The
-- newest event a digest covers is its sequence (its tree's newest leaf): every event of a smaller sequence is in it.
CREATE TABLE ledger_digest (
    tree_size   BIGINT       NOT NULL CHECK (tree_size >= 0),
    key_id      VARCHAR(16)  NOT NULL,
    root_hash   CHAR(64)     NOT NULL,
    recorded_at VARCHAR(40)  NOT NULL,
    signature   VARCHAR(100) NOT NULL,
    sequence    BIGINT       NOT NULL,
    PRIMARY KEY (tree_size, key_id)
);
CREATE INDEX ledger_digest_sequence ON ledger_digest (sequence, tree_size);
