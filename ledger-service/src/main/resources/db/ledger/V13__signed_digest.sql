-- SPEC §16: every digest the ledger signs (GET /api/v1/audit/digest, and the scheduled signer every
-- budgetledger.integrity.digest-interval when the tree grew) is kept here and published to the digest topic
-- (budgetledger.digests.topic), so that the projection can state in its tables and publications the signed digest
-- that covers their knownAt. A digest is a function of the store and the key (deterministic Ed25519), so one tree
-- size signed again under the same key is the same row. recorded_at is kept as the text the signature covers.
CREATE TABLE signed_digest (
    tree_size    BIGINT      NOT NULL CHECK (tree_size >= 0),
    key_id       VARCHAR(16) NOT NULL,
    root_hash    CHAR(64)    NOT NULL,
    recorded_at  VARCHAR(40) NOT NULL,
    signature    VARCHAR(100) NOT NULL,
    -- the digest of SPEC §9 beside it: the newest event's sequence and chain hash (0 and the genesis for the empty tree)
    sequence     BIGINT      NOT NULL,
    hash         CHAR(64)    NOT NULL,
    signed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- when the broker acknowledged it on the digest topic; null until then (published at least once, after this commit)
    published_at TIMESTAMPTZ,
    PRIMARY KEY (tree_size, key_id)
);
CREATE INDEX signed_digest_unpublished ON signed_digest (tree_size) WHERE published_at IS NULL;
