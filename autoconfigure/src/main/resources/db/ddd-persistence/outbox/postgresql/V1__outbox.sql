-- The transactional outbox: one row per message, written in the business transaction and
-- relayed to a broker by OutboxPoller. See docs/outbox.md.
CREATE TABLE ddd_outbox_message (
    id               uuid         NOT NULL,
    -- insertion order; per-key ordering compares it, because created_at ties within a transaction
    seq              bigint       GENERATED ALWAYS AS IDENTITY,
    aggregate_type   varchar(255),
    aggregate_id     varchar(255),
    event_type       varchar(255) NOT NULL,
    destination      varchar(255),
    message_key      varchar(255),
    headers          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    payload          jsonb        NOT NULL,
    status           varchar(16)  NOT NULL DEFAULT 'PENDING',
    attempts         integer      NOT NULL DEFAULT 0,
    last_error       text,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    -- earliest time a poller may take the row; a claim moves it to the end of the lease
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    claimed_by       varchar(255),
    claimed_until    timestamptz,
    published_at     timestamptz,
    CONSTRAINT pk_ddd_outbox_message PRIMARY KEY (id),
    CONSTRAINT ck_ddd_outbox_message_status CHECK (status IN ('PENDING', 'PUBLISHED', 'FAILED'))
);

-- what a poller claims: small, because published and dead rows leave it
CREATE INDEX ix_ddd_outbox_message_pending ON ddd_outbox_message (next_attempt_at)
    WHERE status = 'PENDING';

-- per-key ordering looks for an older unpublished message of the same key
CREATE INDEX ix_ddd_outbox_message_key_seq ON ddd_outbox_message (message_key, seq)
    WHERE status <> 'PUBLISHED' AND message_key IS NOT NULL;

-- dead messages, listed and resubmitted by OutboxAdmin
CREATE INDEX ix_ddd_outbox_message_failed ON ddd_outbox_message (id)
    WHERE status = 'FAILED';

-- retention purges published rows oldest first
CREATE INDEX ix_ddd_outbox_message_published ON ddd_outbox_message (published_at)
    WHERE status = 'PUBLISHED';
