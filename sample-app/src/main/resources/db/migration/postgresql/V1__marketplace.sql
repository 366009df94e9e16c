-- The marketplace's tables, as Hibernate's schema export writes them for the entities (columns
-- reordered for reading, NOT NULL added where the domain requires a value), with the indexes that
-- the library's traits declare: it checks at start-up that they exist.
create extension if not exists postgis;

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
    archived_by varchar(255)
);
create index ix_documents_updated_at on documents (updated_at);
create index ix_documents_archived_at on documents (archived_at);
create index ix_documents_archivable_active on documents (archived_at) where archived_at is null;
create index ix_documents_archivable_archived on documents (archived_at) where archived_at is not null;
create unique index uq_documents_archivable_slug on documents (slug) where archived_at is null;

-- Tickets: cancelled with a flag (boolean strategy), one active ticket per event and seat.
create table tickets (
    id uuid not null primary key,
    event_id varchar(255) not null,
    seat_number varchar(255) not null,
    holder varchar(255) not null,
    version bigint not null,
    is_deleted boolean not null
);
create index ix_tickets_is_deleted on tickets (is_deleted);
create index ix_tickets_archivable_active on tickets (is_deleted) where is_deleted = false;
create index ix_tickets_archivable_archived on tickets (is_deleted) where is_deleted = true;
create unique index uq_tickets_archivable_event_id_seat_number on tickets (event_id, seat_number) where is_deleted = false;

-- Stores: a WGS 84 point with a GIST index for distance searches.
create table stores (
    id uuid not null primary key,
    name varchar(255) not null,
    city varchar(255) not null,
    location geometry(Point,4326)
);
create index ix_stores_location on stores using gist (location);
