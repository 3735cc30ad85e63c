-- Tamper-evident audit trail: append-only, hash-chained rows (hash = SHA-256 over seq, event, prev_hash),
-- appends serialised on the single audit_head row, signed checkpoints of the head.
CREATE TABLE audit_event (
    seq               bigint      PRIMARY KEY CHECK (seq >= 1),
    at                timestamptz NOT NULL,
    actor             text        NOT NULL,
    role              text        NOT NULL,
    purpose           text        NOT NULL,
    action            text        NOT NULL,
    subject_pseudonym bytea,
    request_id        text        NOT NULL,
    outcome           text        NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'NOT_FOUND', 'FAILED')),
    prev_hash         bytea       NOT NULL,
    hash              bytea       NOT NULL
);

CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint  NOT NULL,
    hash bytea   NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

CREATE TABLE audit_checkpoint (
    seq       bigint      PRIMARY KEY,
    head_hash bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    algorithm text        NOT NULL,
    signature bytea       NOT NULL
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
