-- Issue 4, data-sharing agreements and transfers (slice D).
-- Agreements are not personal data of subjects: recipient organisation, purposes, fields, validity, destination
-- country of a transborder transfer, legal basis, signatory. Rows are never deleted; the only change allowed is
-- one revocation (revoked_at, revoked_by, revocation_reason), enforced by a trigger.
CREATE TABLE sharing_agreement (
    id                  uuid        PRIMARY KEY,
    recipient           text        NOT NULL,
    recipient_name      text        NOT NULL,
    purposes            text[]      NOT NULL CHECK (cardinality(purposes) >= 1),
    fields              text[]      NOT NULL CHECK (cardinality(fields) >= 1),
    valid_from          timestamptz NOT NULL,
    valid_until         timestamptz NOT NULL,
    destination_country text        CHECK (destination_country ~ '^[A-Z]{3}$'),
    legal_basis         text        NOT NULL,
    signatory           text        NOT NULL,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    revoked_at          timestamptz,
    revoked_by          text,
    revocation_reason   text,
    CHECK (valid_until > valid_from),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX sharing_agreement_recipient ON sharing_agreement (recipient, created_at);

CREATE FUNCTION sharing_agreement_revocation_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.revoked_at IS NOT NULL
            OR (NEW.id, NEW.recipient, NEW.recipient_name, NEW.purposes, NEW.fields, NEW.valid_from, NEW.valid_until,
                NEW.destination_country, NEW.legal_basis, NEW.signatory, NEW.created_at, NEW.created_by)
               IS DISTINCT FROM
               (OLD.id, OLD.recipient, OLD.recipient_name, OLD.purposes, OLD.fields, OLD.valid_from, OLD.valid_until,
                OLD.destination_country, OLD.legal_basis, OLD.signatory, OLD.created_at, OLD.created_by) THEN
        RAISE EXCEPTION 'an agreement can only be revoked, once' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER sharing_agreement_revocation_only BEFORE UPDATE OR DELETE ON sharing_agreement
    FOR EACH ROW EXECUTE FUNCTION sharing_agreement_revocation_only();
CREATE TRIGGER sharing_agreement_no_truncate BEFORE TRUNCATE ON sharing_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- One row per transfer (disclosure of personal data to a recipient under an agreement), append-only: no
-- personal data, only what was sent to whom, why, when and by whom, and how many subjects were sent or withheld.
CREATE TABLE transfer (
    id                  uuid        PRIMARY KEY,
    agreement_id        uuid        NOT NULL REFERENCES sharing_agreement (id),
    recipient           text        NOT NULL,
    purpose             text        NOT NULL,
    fields              text[]      NOT NULL,
    destination_country text,
    at                  timestamptz NOT NULL,
    actor               text        NOT NULL,
    role                text        NOT NULL,
    request_id          text        NOT NULL,
    transferred         integer     NOT NULL CHECK (transferred >= 0),
    withheld            integer     NOT NULL CHECK (withheld >= 0),
    not_found           integer     NOT NULL CHECK (not_found >= 0)
);
CREATE INDEX transfer_recipient ON transfer (recipient, at);

-- The subjects whose data a transfer carried, keyed by subject for the subject's disclosure list.
CREATE TABLE transfer_subject (
    subject_id  uuid NOT NULL,
    transfer_id uuid NOT NULL REFERENCES transfer (id),
    PRIMARY KEY (subject_id, transfer_id)
);

CREATE TRIGGER transfer_no_update BEFORE UPDATE OR DELETE ON transfer
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER transfer_no_truncate BEFORE TRUNCATE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER transfer_subject_no_update BEFORE UPDATE OR DELETE ON transfer_subject
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER transfer_subject_no_truncate BEFORE TRUNCATE ON transfer_subject
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Audit events of a disclosure (and of agreement administration) name the recipient; the chain hash covers it
-- when present (privacy AuditChain), so earlier rows keep their hashes.
ALTER TABLE audit_event ADD COLUMN recipient text;
