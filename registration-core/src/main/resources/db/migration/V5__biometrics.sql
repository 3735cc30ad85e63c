-- Biometric enrolment: fingerprint captures, registration statuses of the deduplication workflow, and
-- adjudication cases. Raw images and SourceAFIS templates are AES-256-GCM ciphertexts under the subject's
-- BIOMETRIC data key (bound to subject, category, field name with the finger position, schema version), so
-- erasure (destroying the subject's keys) shreds them. Plaintext columns hold only random ids, finger
-- positions, image formats, resolutions, library versions, statuses, scores, actor names and timestamps.

-- Registration statuses: a biometric enrolment with possible duplicates waits in PENDING_ADJUDICATION; an
-- adjudicator makes it ACTIVE (distinct person) or DUPLICATE (the same person as duplicate_of, never a second
-- identity). Searches, lists and statistics see ACTIVE individuals only.
ALTER TABLE individual DROP CONSTRAINT individual_status_check;
ALTER TABLE individual ADD CONSTRAINT individual_status_check
    CHECK (status IN ('ACTIVE', 'ERASED', 'PENDING_ADJUDICATION', 'DUPLICATE'));
ALTER TABLE individual ADD COLUMN duplicate_of uuid REFERENCES individual (id);
ALTER TABLE individual ADD CONSTRAINT individual_duplicate_link
    CHECK ((status <> 'DUPLICATE' OR duplicate_of IS NOT NULL) AND duplicate_of IS DISTINCT FROM id);
CREATE INDEX individual_pending ON individual (id) WHERE status = 'PENDING_ADJUDICATION';

-- One row per captured finger (finger_index 0..9 in capture order; positions are ISO/IEC 19794-4 codes, 0 =
-- unknown, distinct when known). sourceafis_version records the library that made the template: after an
-- upgrade the re-extraction job rebuilds templates whose version differs from the running one.
CREATE TABLE fingerprint_capture (
    subject_id         uuid             NOT NULL REFERENCES individual (id),
    finger_index       smallint         NOT NULL CHECK (finger_index BETWEEN 0 AND 9),
    position           smallint         NOT NULL CHECK (position BETWEEN 0 AND 10),
    image              bytea            NOT NULL,
    template           bytea            NOT NULL,
    image_format       text             NOT NULL CHECK (image_format IN ('PNG', 'JPEG', 'BMP', 'TIFF', 'WSQ')),
    dpi                double precision NOT NULL CHECK (dpi > 0),
    sourceafis_version text             NOT NULL CHECK (length(sourceafis_version) BETWEEN 1 AND 40),
    created_at         timestamptz      NOT NULL,
    PRIMARY KEY (subject_id, finger_index)
);
CREATE UNIQUE INDEX fingerprint_capture_known_position ON fingerprint_capture (subject_id, position) WHERE position <> 0;
CREATE INDEX fingerprint_capture_version ON fingerprint_capture (sourceafis_version, subject_id, finger_index);

-- Adjudication cases: one per enrolment that found candidates. The ranked candidates (their ids and
-- per-finger scores) are one ciphertext under the NEW subject's BIOMETRIC key: the database alone does not
-- tell whose fingers resemble whose, and erasing the new subject shreds the list. Candidate count and best
-- score stay in plaintext to order and triage the queue (they are not personal values). The decision reason
-- is encrypted under the same key. WITHDRAWN: the subject was erased before a decision.
CREATE TABLE adjudication_case (
    id              uuid             PRIMARY KEY,
    subject_id      uuid             NOT NULL UNIQUE REFERENCES individual (id),
    status          text             NOT NULL CHECK (status IN ('OPEN', 'DECIDED', 'WITHDRAWN')),
    candidates      bytea            NOT NULL,
    candidate_count integer          NOT NULL CHECK (candidate_count >= 1),
    top_score       double precision NOT NULL,
    threshold       double precision NOT NULL,
    created_by      text             NOT NULL,
    created_at      timestamptz      NOT NULL,
    decision        text             CHECK (decision IN ('DUPLICATE', 'DISTINCT')),
    reason          bytea,
    decided_by      text,
    decided_at      timestamptz,
    CHECK ((status = 'DECIDED') = (decision IS NOT NULL)),
    CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX adjudication_case_open ON adjudication_case (created_at, id) WHERE status = 'OPEN';
