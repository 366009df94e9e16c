-- The event store of ddd-persistence on H2 2.4. Same tables as on PostgreSQL, with H2's JSON for
-- jsonb and without the transaction ids: H2 has no xid8, so appends are serialized instead (each
-- locks the one row of ddd_event_append_lock until it ends) and readers read by position.
-- See docs/event-store.md and docs/databases.md.

CREATE TABLE ddd_stored_event (
    position       BIGINT GENERATED ALWAYS AS IDENTITY,
    event_id       UUID                     NOT NULL,
    aggregate_type VARCHAR(255)             NOT NULL,
    aggregate_id   VARCHAR(255)             NOT NULL,
    version        BIGINT                   NOT NULL,
    event_type     VARCHAR(255)             NOT NULL,
    revision       INTEGER DEFAULT 1        NOT NULL,
    payload        JSON                     NOT NULL,
    metadata       JSON DEFAULT JSON '{}'   NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ddd_stored_event PRIMARY KEY (position),
    CONSTRAINT uq_ddd_stored_event_event_id UNIQUE (event_id),
    CONSTRAINT uq_ddd_stored_event_aggregate_version UNIQUE (aggregate_type, aggregate_id, version),
    CONSTRAINT ck_ddd_stored_event_version CHECK (version > 0)
);

-- Every append locks this row first and keeps it until its transaction ends, so positions are
-- handed out in commit order and a reader that reads by position never passes an open append.
CREATE TABLE ddd_event_append_lock (
    id INTEGER NOT NULL,
    CONSTRAINT pk_ddd_event_append_lock PRIMARY KEY (id)
);
INSERT INTO ddd_event_append_lock (id) VALUES (1);

-- The latest snapshot per aggregate; schema_version lets a changed snapshot shape invalidate old rows.
CREATE TABLE ddd_event_snapshot (
    aggregate_type VARCHAR(255)             NOT NULL,
    aggregate_id   VARCHAR(255)             NOT NULL,
    version        BIGINT                   NOT NULL,
    schema_version INTEGER                  NOT NULL,
    state          JSON                     NOT NULL,
    taken_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_ddd_event_snapshot PRIMARY KEY (aggregate_type, aggregate_id)
);

-- One row per catch-up subscription: its checkpoint and the lease of the instance running it.
-- tx_id stays 0 on H2: every event's place in the global order is (0, position).
CREATE TABLE ddd_event_subscription (
    name             VARCHAR(255)             NOT NULL,
    tx_id            BIGINT DEFAULT 0         NOT NULL,
    position         BIGINT DEFAULT 0         NOT NULL,
    last_occurred_at TIMESTAMP WITH TIME ZONE,
    lease_owner      VARCHAR(255),
    lease_until      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_ddd_event_subscription PRIMARY KEY (name)
);

-- Events a subscription gave up on after its retries, kept for an operator to inspect and replay.
CREATE TABLE ddd_event_parked (
    subscription VARCHAR(255)             NOT NULL,
    position     BIGINT                   NOT NULL,
    event_id     UUID                     NOT NULL,
    event_type   VARCHAR(255)             NOT NULL,
    error        VARCHAR                  NOT NULL,
    attempts     INTEGER                  NOT NULL,
    parked_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_ddd_event_parked PRIMARY KEY (subscription, position)
);
