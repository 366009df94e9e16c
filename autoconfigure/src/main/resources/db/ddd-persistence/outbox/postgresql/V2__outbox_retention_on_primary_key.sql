-- Retention finds published rows on the primary key (time-ordered ids: a row published before the
-- cutoff was written before it), so marking a message published no longer adds an entry to a
-- partial index of published rows. One index write fewer per relayed message. See docs/outbox.md.
DROP INDEX IF EXISTS ix_ddd_outbox_message_published;
