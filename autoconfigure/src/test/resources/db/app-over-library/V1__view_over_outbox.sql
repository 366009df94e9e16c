-- an application migration that needs the library's outbox table: it runs only when the library's
-- scripts come first (ddd.persistence.outbox.schema.order=before-application)
CREATE VIEW pending_messages AS SELECT id, event_type FROM ddd_outbox_message WHERE status = 'PENDING';
