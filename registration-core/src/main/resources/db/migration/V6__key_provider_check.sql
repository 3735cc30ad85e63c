-- Identity of the key provider this database is encrypted with: one row, written at the first start
-- (KeyProviderCheck). check_value is HMAC-SHA256, under the provider's derived secret "key-check/v1", of a fixed
-- label; signature is the provider's signature over that value (key_id names the signing key). A start with a
-- provider that does not reproduce both (a missing or mistyped keystore path creates a fresh KEK) is refused,
-- as is a database that already holds data keys or audit events but no check row. Neither column reveals key
-- material.
CREATE TABLE key_provider_check (
    id          integer     PRIMARY KEY CHECK (id = 1),
    check_value bytea       NOT NULL,
    key_id      text        NOT NULL,
    algorithm   text        NOT NULL,
    signature   bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);
