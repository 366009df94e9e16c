create sequence shelves_seq increment by 50;
create table shelves (
    id bigint primary key,
    code varchar(50),
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    archived_at timestamp(6) with time zone,
    archived_by varchar(255)
);
create index ix_shelves_updated_at on shelves (updated_at);
create index ix_shelves_archived_at on shelves (archived_at);
create index ix_shelves_archivable_active on shelves (archived_at) where archived_at is null;
create index ix_shelves_archivable_archived on shelves (archived_at) where archived_at is not null;
create unique index uq_shelves_archivable_code on shelves (code) where archived_at is null;
