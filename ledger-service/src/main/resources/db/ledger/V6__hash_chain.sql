-- Tamper evidence (see EventHash and IntegrityKey): each event's hash links to the event before it, and
-- its seal is an HMAC of that hash under a key kept outside the database. Written by CommitOrderedAppend.
-- Events stored before this version have none: verification reports them as unsealed.
ALTER TABLE domain_event_entry
    ADD COLUMN previous_hash CHAR(64),
    ADD COLUMN hash          CHAR(64),
    ADD COLUMN seal          CHAR(64);
