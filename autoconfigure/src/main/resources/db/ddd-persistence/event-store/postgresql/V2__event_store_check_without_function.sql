-- Appends to an existing stream now check the expected version with one EXISTS per statement
-- (INSERT ... SELECT ... WHERE EXISTS), measured cheaper than calling this function for the first
-- row of a batch. See docs/event-store.md.
DROP FUNCTION IF EXISTS ddd_event_store_next_version(varchar, varchar, bigint);
