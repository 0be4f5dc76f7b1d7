-- Issue #16: what the ledger's role, ${application}, may do in this schema. The schema's owner runs this after
-- every migration (Flyway's afterMigrate callback); a set-up without an owner of its own skips it. Everything
-- is revoked first, so that exactly this holds however the role was set up before.
--
-- The event store is append-only below the application, by privilege: INSERT and SELECT, never UPDATE,
-- DELETE or TRUNCATE — as trusted ledgers make their journal immutable beneath the software that writes it.
-- No CREATE either: the role cannot add tables, triggers or functions here.
REVOKE ALL ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} FROM ${application};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} FROM ${application};
REVOKE ALL ON SCHEMA ${flyway:defaultSchema} FROM ${application};
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${application};

-- the history and the idempotency records written with it (identity columns need no sequence right)
GRANT SELECT, INSERT ON ${flyway:defaultSchema}.domain_event_entry, ${flyway:defaultSchema}.posted_transaction TO ${application};
-- units and catalog entries are registered, never changed in place: a unit's changes are rows of their own (V9)
GRANT SELECT, INSERT ON ${flyway:defaultSchema}.unit, ${flyway:defaultSchema}.unit_change, ${flyway:defaultSchema}.subject,
    ${flyway:defaultSchema}.economic TO ${application};
-- state derived from the history and kept beside it: line balances, commitments, the publisher's position per topic
GRANT SELECT, INSERT, UPDATE ON ${flyway:defaultSchema}.budget_line, ${flyway:defaultSchema}.commitment,
    ${flyway:defaultSchema}.publication_position TO ${application};
-- snapshots of budget years: written, and the older ones deleted, by the snapshotter; never updated. Outside the
-- hash chain, each sealed with the integrity key, which this role cannot read: a forged one is ignored
GRANT SELECT, INSERT, DELETE ON ${flyway:defaultSchema}.snapshot_event_entry TO ${application};
-- the gap-free sequence (V7_1): each append advances it in the appending transaction; counted_from (where
-- verification starts to read gaps as deletions) is the owner's alone
GRANT SELECT, UPDATE (last_sequence) ON ${flyway:defaultSchema}.event_sequence TO ${application};
-- the Merkle tree over the store (V11, one row an event since V14): grown by the appending transaction, never changed, like the store itself
GRANT SELECT, INSERT ON ${flyway:defaultSchema}.merkle_leaf TO ${application};
-- the digests the ledger signed (V13): kept as signed, never changed but for the instant each was published
GRANT SELECT, INSERT, UPDATE (published_at) ON ${flyway:defaultSchema}.signed_digest TO ${application};
