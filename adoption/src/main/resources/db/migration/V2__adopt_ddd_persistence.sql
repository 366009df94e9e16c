-- Adopting ddd-persistence: optimistic locking, and the indexes the traits declare, as
-- ddd.persistence.entity.migration-script wrote them (see docs/migration.md).
ALTER TABLE invoice ADD COLUMN version bigint NOT NULL DEFAULT 0;

create index ix_invoice_updated_at on invoice (updated_at);
create index ix_invoice_deleted_at on invoice (deleted_at);
create index ix_invoice_archivable_active on invoice (deleted_at) where deleted_at is null;
create index ix_invoice_archivable_archived on invoice (deleted_at) where deleted_at is not null;
