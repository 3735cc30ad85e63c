-- Local accounts of the embedded default (HTTP Basic). Not used when OIDC is configured.
-- Passwords are stored only as Argon2id hashes (Spring Security's encoded form, parameters included).
CREATE TABLE app_account (
    username                 text        PRIMARY KEY
                                         CHECK (username ~ '^[a-z][a-z0-9._-]{1,62}$'),
    password_hash            text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    roles                    text[]      NOT NULL
                                         CHECK (cardinality(roles) > 0
                                                AND roles <@ ARRAY['REGISTRATION_OFFICER', 'PROTECTION_OFFICER',
                                                                   'STATISTICIAN', 'DATA_PROTECTION_OFFICER',
                                                                   'ADMIN']::text[]),
    enabled                  boolean     NOT NULL DEFAULT true,
    password_change_required boolean     NOT NULL DEFAULT true,
    created_at               timestamptz NOT NULL DEFAULT now(),
    password_changed_at      timestamptz
);
