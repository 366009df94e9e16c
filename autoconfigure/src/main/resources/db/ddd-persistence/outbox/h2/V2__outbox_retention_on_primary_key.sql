-- As on PostgreSQL: retention finds published rows on the primary key. See docs/outbox.md.
DROP INDEX IF EXISTS ix_ddd_outbox_message_published;
