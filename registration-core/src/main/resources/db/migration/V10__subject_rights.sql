-- Subject rights (issue 4, slice C): signed erasure receipts, and the index the subject export's disclosure list
-- reads the audit trail through.

-- One signed receipt per erased individual: the canonical JSON of the receipt (subject id, time, actor account,
-- purpose, request id, categories of data keys destroyed, KEK versions, counts of what was removed: no personal
-- value beyond the subject id) and the key provider's signature over exactly those bytes. Append-only, like the
-- audit trail: a receipt is evidence and is never changed.
CREATE TABLE erasure_receipt (
    subject_id uuid        PRIMARY KEY REFERENCES individual (id),
    receipt_id uuid        NOT NULL UNIQUE,
    erased_at  timestamptz NOT NULL,
    receipt    text        NOT NULL,
    key_id     text        NOT NULL,
    algorithm  text        NOT NULL,
    signature  bytea       NOT NULL
);
CREATE TRIGGER erasure_receipt_no_update BEFORE UPDATE OR DELETE ON erasure_receipt
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER erasure_receipt_no_truncate BEFORE TRUNCATE ON erasure_receipt
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- The disclosure list of a subject export: every audit event naming the subject's AUDIT pseudonym, in order.
CREATE INDEX audit_event_subject ON audit_event (subject_pseudonym, seq) WHERE subject_pseudonym IS NOT NULL;
