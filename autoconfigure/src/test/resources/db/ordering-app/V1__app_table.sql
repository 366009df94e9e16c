CREATE TABLE app_thing (id bigint PRIMARY KEY);
