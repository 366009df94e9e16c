-- The transactional outbox on H2: the same table as on PostgreSQL (see ../postgresql/V1__outbox.sql
-- and docs/outbox.md), with H2's JSON for jsonb and plain indexes where PostgreSQL has partial ones.
CREATE TABLE ddd_outbox_message (
    id               uuid         NOT NULL,
    -- insertion order; per-key ordering compares it, because created_at ties within a transaction
    seq              bigint       GENERATED ALWAYS AS IDENTITY,
    aggregate_type   varchar(255),
    aggregate_id     varchar(255),
    event_type       varchar(255) NOT NULL,
    destination      varchar(255),
    message_key      varchar(255),
    headers          json         DEFAULT JSON '{}' NOT NULL,
    payload          json         NOT NULL,
    status           varchar(16)  DEFAULT 'PENDING' NOT NULL,
    attempts         integer      DEFAULT 0 NOT NULL,
    last_error       varchar(1000000),
    created_at       timestamp with time zone DEFAULT current_timestamp NOT NULL,
    -- earliest time a poller may take the row; a claim moves it to the end of the lease
    next_attempt_at  timestamp with time zone DEFAULT current_timestamp NOT NULL,
    claimed_by       varchar(255),
    claimed_until    timestamp with time zone,
    published_at     timestamp with time zone,
    CONSTRAINT pk_ddd_outbox_message PRIMARY KEY (id),
    -- not "status IN (...)" nor ORs of equalities: H2 2.4 compares such a constant set with the
    -- session that created the constraint, and fails every insert once that (migration) connection closed
    CONSTRAINT ck_ddd_outbox_message_status
        CHECK (CASE status WHEN 'PENDING' THEN TRUE WHEN 'PUBLISHED' THEN TRUE WHEN 'FAILED' THEN TRUE ELSE FALSE END)
);

-- H2 has no partial indexes: each index below covers every row, with the status first so that the
-- pending, dead or published rows a statement reads are still one contiguous range
CREATE INDEX ix_ddd_outbox_message_pending ON ddd_outbox_message (status, next_attempt_at);

CREATE INDEX ix_ddd_outbox_message_key_seq ON ddd_outbox_message (message_key, seq);

CREATE INDEX ix_ddd_outbox_message_failed ON ddd_outbox_message (status, id);

CREATE INDEX ix_ddd_outbox_message_published ON ddd_outbox_message (status, published_at);
