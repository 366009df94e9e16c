-- The event store of ddd-persistence (PostgreSQL 13+: xid8 and pg_current_xact_id()).
-- See docs/event-store.md for why tx_id exists and how readers use it.

CREATE TABLE ddd_stored_event (
    position       bigint GENERATED ALWAYS AS IDENTITY,
    event_id       uuid         NOT NULL,
    aggregate_type varchar(255) NOT NULL,
    aggregate_id   varchar(255) NOT NULL,
    version        bigint       NOT NULL,
    event_type     varchar(255) NOT NULL,
    revision       integer      NOT NULL DEFAULT 1,
    payload        jsonb        NOT NULL,
    metadata       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    occurred_at    timestamptz  NOT NULL,
    tx_id          xid8         NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT pk_ddd_stored_event PRIMARY KEY (position),
    CONSTRAINT uq_ddd_stored_event_event_id UNIQUE (event_id),
    CONSTRAINT uq_ddd_stored_event_aggregate_version UNIQUE (aggregate_type, aggregate_id, version),
    CONSTRAINT ck_ddd_stored_event_version CHECK (version > 0)
);

-- The version after the expected one, or NULL when the aggregate has not reached the expected
-- version: appends call it for the first event of a batch only, so that a caller ahead of the
-- stream fails on NOT NULL in the same statement instead of leaving a gap in the versions.
CREATE FUNCTION ddd_event_store_next_version(p_aggregate_type varchar, p_aggregate_id varchar, p_expected bigint)
    RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ddd_stored_event
               WHERE aggregate_type = p_aggregate_type AND aggregate_id = p_aggregate_id AND version = p_expected) THEN
        RETURN p_expected + 1;
    END IF;
    RETURN NULL;
END
$$;

-- The order catch-up readers follow: transaction first, then position within it.
CREATE INDEX ix_ddd_stored_event_tx_id_position ON ddd_stored_event (tx_id, position);

-- The latest snapshot per aggregate; schema_version lets a changed snapshot shape invalidate old rows.
CREATE TABLE ddd_event_snapshot (
    aggregate_type varchar(255) NOT NULL,
    aggregate_id   varchar(255) NOT NULL,
    version        bigint       NOT NULL,
    schema_version integer      NOT NULL,
    state          jsonb        NOT NULL,
    taken_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_ddd_event_snapshot PRIMARY KEY (aggregate_type, aggregate_id)
);

-- One row per catch-up subscription: its checkpoint and the lease of the instance running it.
CREATE TABLE ddd_event_subscription (
    name             varchar(255) NOT NULL,
    tx_id            xid8         NOT NULL DEFAULT '0'::xid8,
    position         bigint       NOT NULL DEFAULT 0,
    last_occurred_at timestamptz,
    lease_owner      varchar(255),
    lease_until      timestamptz,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_ddd_event_subscription PRIMARY KEY (name)
);

-- Events a subscription gave up on after its retries, kept for an operator to inspect and replay.
CREATE TABLE ddd_event_parked (
    subscription varchar(255) NOT NULL,
    position     bigint       NOT NULL,
    event_id     uuid         NOT NULL,
    event_type   varchar(255) NOT NULL,
    error        text         NOT NULL,
    attempts     integer      NOT NULL,
    parked_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_ddd_event_parked PRIMARY KEY (subscription, position)
);
