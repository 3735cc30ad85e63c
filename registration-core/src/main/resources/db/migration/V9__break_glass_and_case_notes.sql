-- Issue 4, protection officers: break-glass requests and grants, and case notes under their own data key.

-- Case notes have a data key of their own per subject (category CASE_NOTES).
ALTER TABLE subject_key DROP CONSTRAINT subject_key_category_check;
ALTER TABLE subject_key ADD CONSTRAINT subject_key_category_check
    CHECK (category IN ('DEMOGRAPHIC', 'BIOMETRIC', 'CASE_NOTES'));

-- Break-glass: vital-interest access to one subject for one purpose without consent. Requested by one user,
-- approved or rejected once by a second, different user, time-limited, and reviewed afterwards by the data
-- protection officer. The stated reason may describe the person: it is encrypted under the subject's
-- DEMOGRAPHIC data key (padded; erasure crypto-shreds it). The review note likewise. Plaintext: ids, purpose,
-- account names of the staff involved, times, statuses.
CREATE TABLE break_glass_request (
    id             uuid        PRIMARY KEY,
    subject_id     uuid        NOT NULL REFERENCES individual (id),
    purpose        text        NOT NULL,
    reason         bytea       NOT NULL,
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     text,
    decided_at     timestamptz,
    expires_at     timestamptz,
    review_outcome text        CHECK (review_outcome IN ('JUSTIFIED', 'NOT_JUSTIFIED')),
    reviewed_by    text,
    reviewed_at    timestamptz,
    review_note    bytea,
    CHECK ((status = 'PENDING') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
    CHECK ((status = 'APPROVED') = (expires_at IS NOT NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK ((review_outcome IS NULL) = (reviewed_by IS NULL) AND (reviewed_by IS NULL) = (reviewed_at IS NULL)),
    CHECK (review_outcome IS NULL OR status = 'APPROVED'),
    CHECK (reviewed_by IS NULL OR (reviewed_by <> requested_by AND reviewed_by <> decided_by))
);
-- The grants the policy decision point consults for a subject.
CREATE INDEX break_glass_request_grants ON break_glass_request (subject_id, expires_at) WHERE status = 'APPROVED';
-- Requests awaiting a decision, and grants awaiting review.
CREATE INDEX break_glass_request_pending ON break_glass_request (requested_at) WHERE status = 'PENDING';
CREATE INDEX break_glass_request_unreviewed ON break_glass_request (decided_at)
    WHERE status = 'APPROVED' AND reviewed_at IS NULL;

-- Protection case notes: append-only (no update; erasure deletes a subject's notes), each note's text
-- (1..10,000 characters) encrypted under the subject's CASE_NOTES data key and padded to 256-byte blocks.
CREATE TABLE case_note (
    id            uuid        PRIMARY KEY,
    individual_id uuid        NOT NULL REFERENCES individual (id),
    author        text        NOT NULL,
    written_at    timestamptz NOT NULL,
    text          bytea       NOT NULL
);
CREATE INDEX case_note_individual ON case_note (individual_id, written_at, id);

CREATE FUNCTION case_note_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case notes are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note
    FOR EACH ROW EXECUTE FUNCTION case_note_append_only();

-- Which audited operations an approved grant permitted (the audit events' sequence numbers): written by the
-- access guard in the operation's transaction, read by the data protection officer's review. Append-only.
CREATE TABLE break_glass_access (
    grant_id  uuid   NOT NULL REFERENCES break_glass_request (id),
    audit_seq bigint NOT NULL REFERENCES audit_event (seq),
    PRIMARY KEY (grant_id, audit_seq)
);
