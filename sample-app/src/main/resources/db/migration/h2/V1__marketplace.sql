-- The marketplace's tables on H2: the PostgreSQL migration (../postgresql) in H2's terms, with the
-- same table, column and index names, since the library checks the indexes by name at start-up.
-- H2 has no partial indexes: an archive index covers the whole column, and "unique among active
-- rows" is a unique index over the columns plus the generated column ddd_active, TRUE for an active
-- row and NULL for an archived one (NULLs may repeat in a unique index). See docs/databases.md.

-- Products: versioned, audited (times and actors), one tenant each.
create table products (
    id uuid not null primary key,
    tenant_id varchar(255) not null,
    name varchar(255) not null,
    category varchar(255) not null,
    price numeric(38,2) not null,
    version bigint not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    created_by varchar(255),
    updated_by varchar(255)
);
create index ix_products_updated_at on products (updated_at);
create index ix_products_tenant_id_name on products (tenant_id, name);

-- Documents: archived (timestamp strategy), slug unique among active documents.
create table documents (
    id uuid not null primary key,
    slug varchar(255) not null,
    title varchar(255) not null,
    body varchar(255),
    version bigint not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    archived_at timestamp(6) with time zone,
    archived_by varchar(255),
    ddd_active boolean generated always as (case when archived_at is null then true end)
);
create index ix_documents_updated_at on documents (updated_at);
create index ix_documents_archived_at on documents (archived_at);
create index ix_documents_archivable_active on documents (archived_at);
create index ix_documents_archivable_archived on documents (archived_at);
create unique index uq_documents_archivable_slug on documents (slug, ddd_active);

-- Tickets: cancelled with a flag (boolean strategy), one active ticket per event and seat.
create table tickets (
    id uuid not null primary key,
    event_id varchar(255) not null,
    seat_number varchar(255) not null,
    holder varchar(255) not null,
    version bigint not null,
    is_deleted boolean not null,
    ddd_active boolean generated always as (case when is_deleted = false then true end)
);
create index ix_tickets_is_deleted on tickets (is_deleted);
create index ix_tickets_archivable_active on tickets (is_deleted);
create index ix_tickets_archivable_archived on tickets (is_deleted);
create unique index uq_tickets_archivable_event_id_seat_number on tickets (event_id, seat_number, ddd_active);

-- Stores: a WGS 84 point (H2's own geometry type) with a spatial (R-tree) index for distance searches.
-- The library loads H2GIS's functions into the database after this migration.
create table stores (
    id uuid not null primary key,
    name varchar(255) not null,
    city varchar(255) not null,
    location geometry(point, 4326)
);
create spatial index ix_stores_location on stores (location);
