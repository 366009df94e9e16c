CREATE TABLE customer (
    id   bigint       NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL
);
