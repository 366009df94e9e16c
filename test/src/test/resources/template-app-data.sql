INSERT INTO customer (id, name) VALUES (1, 'seeded by spring.sql.init');
