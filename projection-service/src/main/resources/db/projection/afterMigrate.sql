-- Issue #16: what the projection's role, ${application}, may do in this schema (the live read model, or a
-- replay's scratch copy). The schema's owner runs this after every migration (Flyway's afterMigrate callback);
-- a set-up without an owner of its own skips it. Everything is revoked first, so that exactly this holds.
--
-- The read model is derived — rebuilt from the topic at any time — so the projection reads, writes and prunes
-- its rows; it cannot change the tables themselves (no CREATE, not their owner), nor Flyway's history.
REVOKE ALL ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} FROM ${application};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} FROM ${application};
REVOKE ALL ON SCHEMA ${flyway:defaultSchema} FROM ${application};
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${application};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${application};
REVOKE ALL ON ${flyway:defaultSchema}.${flyway:table} FROM ${application};
