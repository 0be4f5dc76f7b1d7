-- The Axon event store (JdbcEventStorageEngine, column names as Axon expects them), with payloads in
-- bytea, not large objects, and a global index without allocation gaps: an identity with cache 1 hands
-- out numbers one by one, and the append lock (CommitOrderedAppend) makes their order the commit order.
CREATE TABLE domain_event_entry (
    globalIndex         BIGINT GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    timeStamp           VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload             BYTEA        NOT NULL,
    metaData            BYTEA,
    -- not Axon's: the transaction that produced the event, and the commit instant as a timestamp
    transaction_id      VARCHAR(64)  NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    UNIQUE (aggregateIdentifier, sequenceNumber)
);
CREATE INDEX domain_event_entry_transaction ON domain_event_entry (transaction_id);

CREATE TABLE snapshot_event_entry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE token_entry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

-- 预算单位, registered before any transaction names them.
CREATE TABLE unit (
    code       VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

-- One row per accepted transaction, written in the same database transaction as its events: the
-- idempotency record (same id + same fingerprint = the same transaction) and the stored request.
CREATE TABLE posted_transaction (
    id          VARCHAR(64)  PRIMARY KEY,
    type        VARCHAR(32)  NOT NULL,
    unit        VARCHAR(32)  NOT NULL,
    year        INTEGER      NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    request     JSONB        NOT NULL,
    line_id     VARCHAR(64),
    principal   VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

-- How far the Kafka publisher got: every event with globalIndex <= last_sequence is on the topic.
CREATE TABLE publication_position (
    publisher     VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT      NOT NULL
);
