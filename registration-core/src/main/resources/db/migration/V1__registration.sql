-- SafeReg registration core. No personal value is stored in plaintext: every personal field group is an
-- AES-256-GCM ciphertext (bytea) under the subject's DEMOGRAPHIC data key, bound to subject, field name and
-- schema version. Plaintext columns hold only random ids, statuses, version numbers, creation timestamps,
-- KEK versions, keyed hashes (blind indexes) and reference data.

-- Data keys, stored only wrapped by a KEK version (crypto-shredding deletes these rows).
CREATE TABLE subject_key (
    subject_id  uuid     NOT NULL,
    category    text     NOT NULL CHECK (category IN ('DEMOGRAPHIC', 'BIOMETRIC')),
    key_scheme  integer  NOT NULL CHECK (key_scheme >= 1),
    kek_version integer  NOT NULL CHECK (kek_version >= 1),
    wrapped     bytea    NOT NULL,
    PRIMARY KEY (subject_id, category)
);
CREATE INDEX subject_key_kek_version ON subject_key (kek_version, subject_id, category);

-- Location reference data (not personal): P-code hierarchy admin0..admin3 and sites.
CREATE TABLE location (
    pcode        text     PRIMARY KEY,
    parent_pcode text     REFERENCES location (pcode),
    admin_level  smallint NOT NULL CHECK (admin_level BETWEEN 0 AND 3),
    name         text     NOT NULL,
    CHECK ((admin_level = 0) = (parent_pcode IS NULL))
);
CREATE INDEX location_parent ON location (parent_pcode, pcode);

CREATE TABLE site (
    id             text PRIMARY KEY,
    name           text NOT NULL,
    site_type      text NOT NULL CHECK (site_type IN ('CAMP_OR_SITE', 'TRANSIT_POINT', 'PLACE_OF_RESETTLEMENT',
                                                      'HOST_COMMUNITY', 'BORDER_CROSSING_POINT')),
    location_pcode text NOT NULL REFERENCES location (pcode)
);
CREATE INDEX site_location ON site (location_pcode, id);

-- Individuals: the id is the SubjectId (random UUID) that owns the data keys.
CREATE TABLE individual (
    id              uuid        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'ERASED')),
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL
);

-- One row per version; every personal column is a ciphertext (never NULL: absent values are encrypted too).
CREATE TABLE individual_version (
    individual_id       uuid        NOT NULL REFERENCES individual (id),
    version             integer     NOT NULL CHECK (version >= 1),
    registration_method bytea       NOT NULL,
    names               bytea       NOT NULL,
    sex                 bytea       NOT NULL,
    birth               bytea       NOT NULL,
    nationality         bytea       NOT NULL,
    documents           bytea       NOT NULL,
    population_category bytea       NOT NULL,
    location            bytea       NOT NULL,
    specific_needs      bytea       NOT NULL,
    contact             bytea       NOT NULL,
    change_reason       bytea,
    changed_by          text        NOT NULL,
    changed_at          timestamptz NOT NULL,
    PRIMARY KEY (individual_id, version)
);

-- Blind indexes (HMAC-SHA256, truncated) of the current version only, for exact look-up:
--   DOCUMENT  normalised document number (type and issuer are not indexed; they are re-checked after decryption)
--   NAME_DOB  normalised full name (tokens sorted) + ISO date of birth
--   LOCATION  the admin unit P-code and each of its ancestors (list by location at any level)
CREATE TABLE individual_blind_index (
    kind          text  NOT NULL CHECK (kind IN ('DOCUMENT', 'NAME_DOB', 'LOCATION')),
    bidx          bytea NOT NULL,
    individual_id uuid  NOT NULL REFERENCES individual (id),
    PRIMARY KEY (kind, bidx, individual_id)
);
CREATE INDEX individual_blind_index_individual ON individual_blind_index (individual_id);

-- Households. The household id is also a key-owning subject: its change reasons are encrypted under its own key.
CREATE TABLE household (
    id              uuid        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'DISSOLVED')),
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL
);

CREATE TABLE household_version (
    household_id  uuid        NOT NULL REFERENCES household (id),
    version       integer     NOT NULL CHECK (version >= 1),
    change_reason bytea,
    changed_by    text        NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (household_id, version)
);

-- Membership per household version range [joined_version, left_version). The relationship to the head is
-- encrypted under the member's own data key.
CREATE TABLE household_member (
    household_id   uuid    NOT NULL REFERENCES household (id),
    individual_id  uuid    NOT NULL REFERENCES individual (id),
    relationship   bytea,
    is_head        boolean NOT NULL,
    member_order   integer NOT NULL,
    joined_version integer NOT NULL,
    left_version   integer,
    PRIMARY KEY (household_id, individual_id, joined_version),
    CHECK (left_version IS NULL OR left_version > joined_version)
);
-- A person is in at most one active household.
CREATE UNIQUE INDEX household_member_one_active ON household_member (individual_id) WHERE left_version IS NULL;
CREATE INDEX household_member_active ON household_member (household_id) WHERE left_version IS NULL;

-- Idempotency of enrolments: key and request are stored only as keyed hashes (the request fingerprint is an
-- HMAC of the canonical request, so it cannot be confirmed by guessing personal values without the key).
CREATE TABLE idempotency (
    actor       text        NOT NULL,
    key_hash    bytea       NOT NULL,
    operation   text        NOT NULL,
    fingerprint bytea       NOT NULL,
    result_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (actor, key_hash)
);
CREATE INDEX idempotency_result ON idempotency (result_id);
