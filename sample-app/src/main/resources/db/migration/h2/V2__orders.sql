-- Same on H2. Until the library's outbox runs on H2 the sample turns it off there (application-h2.yml)
-- and the orders endpoints with it; the table is kept so that the entity mapping validates.
-- Orders; their events live in the library's outbox table (ddd_outbox_message), which the starter
-- creates with its own Flyway history.
create table orders (
    id uuid not null primary key,
    customer varchar(255) not null,
    product varchar(255) not null,
    quantity integer not null,
    total numeric(38,2) not null,
    status varchar(16) not null,
    version bigint not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null
);
create index ix_orders_updated_at on orders (updated_at);
