-- The carts' read model, kept by the CartSummaries projection. The carts themselves are events in
-- the library's event store (ddd_stored_event), which the starter creates.
create table cart_summary (
    cart_id varchar(64) not null primary key,
    customer varchar(255) not null,
    items integer not null,
    total numeric(38,2) not null,
    status varchar(16) not null,
    version bigint not null,
    updated_at timestamp(6) with time zone not null
);
create index ix_cart_summary_customer on cart_summary (customer, updated_at);
