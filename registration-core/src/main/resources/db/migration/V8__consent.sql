-- Consent records (issue 4, slice A): append-only per subject. A change of mind is a new record, a withdrawal a
-- new consent_purpose row with status WITHDRAWN; rows are never updated. Erasure deletes a subject's rows (the
-- individual's tombstone remains). Plaintext holds only what the policy decision point and the retention job
-- read (ids, purpose, legal basis, status, data categories, recipient organisation codes, times, validity, the
-- MONTH of re-consent at majority: its first day, never the exact date, which is birth date + 18 years);
-- everything else (notice, language, delivery, interpreter, who gave it and their reference, child assent,
-- collector, site, the exact re-consent date, retention) is one padded ciphertext under the subject's
-- DEMOGRAPHIC key.
CREATE TABLE consent_record (
    consent_id   uuid        PRIMARY KEY,
    subject_id   uuid        NOT NULL REFERENCES individual (id),
    recorded_at  timestamptz NOT NULL,
    valid_until  timestamptz,
    reconsent_month date CHECK (reconsent_month = date_trunc('month', reconsent_month)::date),
    details      bytea       NOT NULL
);
CREATE INDEX consent_record_subject ON consent_record (subject_id, recorded_at);
CREATE INDEX consent_record_reconsent ON consent_record (reconsent_month) WHERE reconsent_month IS NOT NULL;

CREATE TABLE consent_purpose (
    seq         bigserial   PRIMARY KEY,
    consent_id  uuid        NOT NULL REFERENCES consent_record (consent_id),
    subject_id  uuid        NOT NULL REFERENCES individual (id),
    purpose     text        NOT NULL CHECK (purpose ~ '^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$' AND length(purpose) <= 64),
    legal_basis text        NOT NULL CHECK (legal_basis IN ('CONSENT', 'EXPLICIT_CONSENT', 'VITAL_INTEREST',
                                                            'PUBLIC_INTEREST_MANDATE', 'LEGAL_OBLIGATION',
                                                            'LEGITIMATE_INTEREST')),
    status      text        NOT NULL CHECK (status IN ('GIVEN', 'REFUSED', 'WITHDRAWN')),
    categories  text[]      NOT NULL CHECK (cardinality(categories) >= 1),
    -- organisations outside ours the subject agreed to disclosure to (codes of organisations, not personal data)
    recipients  text[]      NOT NULL,
    recorded_at timestamptz NOT NULL,
    valid_until timestamptz
);
CREATE INDEX consent_purpose_subject ON consent_purpose (subject_id, purpose, recorded_at);

CREATE FUNCTION consent_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER consent_record_no_update BEFORE UPDATE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION consent_no_update();
CREATE TRIGGER consent_purpose_no_update BEFORE UPDATE ON consent_purpose
    FOR EACH ROW EXECUTE FUNCTION consent_no_update();
