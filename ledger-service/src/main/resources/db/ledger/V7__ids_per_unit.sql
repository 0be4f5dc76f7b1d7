-- SPEC §4 v2: a transaction id is unique within its unit, and the idempotency key is (unit, id), so one unit's
-- ids are neither visible to nor blockable by another's. Stored events are not rewritten: each gets the unit
-- of its budget year ("{unit}:{year}"; unit codes hold no ':'), which is the unit of its transaction.

-- the old key and the foreign key that depends on it
ALTER TABLE domain_event_entry DROP CONSTRAINT domain_event_entry_transaction_fk;
ALTER TABLE posted_transaction DROP CONSTRAINT posted_transaction_pkey;
-- id first, so that a look-up by id alone (GET /api/v1/transactions/{id} without a unit) uses the key's index
ALTER TABLE posted_transaction ADD PRIMARY KEY (id, unit);

-- Written by CommitOrderedAppend with every event; the check holds it to the event's budget year.
ALTER TABLE domain_event_entry ADD COLUMN unit VARCHAR(32);
UPDATE domain_event_entry SET unit = split_part(aggregateIdentifier, ':', 1);
ALTER TABLE domain_event_entry
    ALTER COLUMN unit SET NOT NULL,
    ADD CONSTRAINT domain_event_entry_unit_of_budget_year CHECK (unit = split_part(aggregateIdentifier, ':', 1));

-- Events are looked up by transaction (the answer's sequences): by its id and unit now.
DROP INDEX domain_event_entry_transaction;
CREATE INDEX domain_event_entry_transaction ON domain_event_entry (transaction_id, unit);

-- As V5, per unit: an event can only be stored for a transaction accepted in its own unit (whose idempotency
-- record is stored with it), so nothing of a rejected transaction can reach the event store, whatever another
-- unit accepted under the same id.
ALTER TABLE domain_event_entry
    ADD CONSTRAINT domain_event_entry_transaction_fk FOREIGN KEY (transaction_id, unit) REFERENCES posted_transaction (id, unit);

-- A budget line is named after the transaction that created it, so line ids are unique per unit too.
ALTER TABLE budget_line DROP CONSTRAINT budget_line_pkey;
ALTER TABLE budget_line ADD PRIMARY KEY (id, unit);
