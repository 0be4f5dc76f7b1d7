-- An event can only be stored for a transaction whose idempotency record is stored with it: a rejected
-- transaction has no record, so nothing of it can ever reach the event store.
ALTER TABLE domain_event_entry
    ADD CONSTRAINT domain_event_entry_transaction_fk FOREIGN KEY (transaction_id) REFERENCES posted_transaction (id);
