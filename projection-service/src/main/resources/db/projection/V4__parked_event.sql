-- Records of the event topic the projection could not read (malformed, or an event type this version does
-- not know): parked with the reason instead of stopping the projection, and re-processed after a fix.
CREATE TABLE parked_event (
    topic      VARCHAR(255) NOT NULL,
    partition  INTEGER      NOT NULL,
    "offset"   BIGINT       NOT NULL,
    key        VARCHAR(100),
    value      BYTEA,
    reason     TEXT         NOT NULL,
    parked_at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (topic, partition, "offset")
);
