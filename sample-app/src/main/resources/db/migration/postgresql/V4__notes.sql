-- Notes: owner-scoped rows, each visible to its owner (X-User in the sample) and to admins.
create table notes (
    id uuid not null primary key,
    title varchar(255) not null,
    body varchar(255),
    owner_id varchar(255) not null,
    version bigint not null
);
create index ix_notes_owner_id on notes (owner_id);
