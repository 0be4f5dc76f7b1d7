-- Sequences without gaps, so that a missing sequence is a deleted event (verification reports it). The
-- identity column handed its numbers out outside transactions: an append that rolled back after its insert
-- (a posting failing after its events were written, a concurrent writer on another instance, a crash before
-- the commit) lost them, and after a crash PostgreSQL skips up to 32 numbers of a sequence. The numbers now
-- come from this one row, updated in the appending transaction (CommitOrderedAppend, under the append lock):
-- a rollback hands them back, and deleting events never does. The application must be able to UPDATE it.
CREATE TABLE event_sequence (
    singleton     BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    -- the last sequence handed out
    last_sequence BIGINT  NOT NULL,
    -- the first sequence handed out by this row: a gap before it may be an identity number lost to a rollback
    counted_from  BIGINT  NOT NULL
);
INSERT INTO event_sequence (last_sequence, counted_from)
SELECT coalesce(max(globalIndex), 0), coalesce(max(globalIndex), 0) + 1 FROM domain_event_entry;

-- Rows written by hand (not by CommitOrderedAppend) draw from the same row, one number at a time.
CREATE FUNCTION ${flyway:defaultSchema}.next_event_sequence() RETURNS BIGINT LANGUAGE sql VOLATILE AS
    'UPDATE ${flyway:defaultSchema}.event_sequence SET last_sequence = last_sequence + 1 RETURNING last_sequence';

ALTER TABLE domain_event_entry ALTER COLUMN globalIndex DROP IDENTITY;
ALTER TABLE domain_event_entry ALTER COLUMN globalIndex SET DEFAULT ${flyway:defaultSchema}.next_event_sequence();
