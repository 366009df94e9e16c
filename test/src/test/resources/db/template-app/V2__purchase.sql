CREATE TABLE purchase (
    id          bigint NOT NULL PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    location    geometry(Point, 4326)
);
CREATE INDEX ix_purchase_customer_id ON purchase (customer_id);
