-- Issue 6, statistical release: projection columns for configurable age bands and household units, the privacy
-- budget ledger (zero-concentrated differential privacy, per population and quarter) and the release register.

-- The age band went stale as people aged and fixed the bands at enrolment: the projection keeps the birth year
-- instead, and a release computes "age reached in the reference year" with the bands configured at release time.
-- Rows written before this migration have no birth year (they count under the explicit "unknown" age until the
-- individual's record is next written); their old age band is dropped with the column.
ALTER TABLE stat_projection DROP COLUMN age_band;
ALTER TABLE stat_projection ADD COLUMN birth_year integer CHECK (birth_year BETWEEN 1800 AND 2200);
-- The STATISTICS-domain pseudonym of the active household (NULL: in no household, a household of one) and
-- whether the individual heads it: unit HOUSEHOLDS counts distinct households, described by their head.
ALTER TABLE stat_projection ADD COLUMN household_pseudonym bytea;
ALTER TABLE stat_projection ADD COLUMN household_head boolean NOT NULL DEFAULT false;
CREATE INDEX stat_projection_population ON stat_projection (admin0_pcode);
-- A release leaves out persons whose latest answer for its purpose is WITHDRAWN or REFUSED: it finds the
-- candidates here, then checks each one's latest answer, instead of scanning every consent row of the purpose.
CREATE INDEX consent_purpose_objections ON consent_purpose (purpose, subject_id)
    WHERE status IN ('WITHDRAWN', 'REFUSED');

-- Budget caps set by the data protection officer: the total zCDP loss rho (an exact rational) that releases
-- with differential privacy may spend on one population (admin0 P-code) in one calendar quarter, across all
-- recipients (they may collude). No row: no differentially private release of that population and quarter.
CREATE TABLE stat_budget_cap (
    population      text        NOT NULL,
    period          text        NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
    rho_numerator   numeric     NOT NULL CHECK (rho_numerator >= 0 AND rho_numerator = trunc(rho_numerator)),
    rho_denominator numeric     NOT NULL CHECK (rho_denominator > 0 AND rho_denominator = trunc(rho_denominator)),
    set_by          text        NOT NULL,
    set_at          timestamptz NOT NULL,
    PRIMARY KEY (population, period)
);

-- What each release spends. A release reserves (RESERVED) in the transaction that locks the cap row and checks
-- it, then COMMITTED with its register entry, or REFUNDED if it failed. RESERVED and COMMITTED both count as
-- spent: a reservation left by a crash keeps its budget (fail closed). Rows are never deleted.
CREATE TABLE stat_budget_entry (
    release_id      uuid        PRIMARY KEY,
    population      text        NOT NULL,
    period          text        NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
    rho_numerator   numeric     NOT NULL CHECK (rho_numerator >= 0 AND rho_numerator = trunc(rho_numerator)),
    rho_denominator numeric     NOT NULL CHECK (rho_denominator > 0 AND rho_denominator = trunc(rho_denominator)),
    state           text        NOT NULL CHECK (state IN ('RESERVED', 'COMMITTED', 'REFUNDED')),
    reserved_by     text        NOT NULL,
    reserved_at     timestamptz NOT NULL,
    settled_at      timestamptz,
    CHECK ((state = 'RESERVED') = (settled_at IS NULL))
);
CREATE INDEX stat_budget_entry_period ON stat_budget_entry (population, period);

-- A reservation may be settled once; nothing else of an entry changes, and no entry is deleted.
CREATE FUNCTION stat_budget_entry_settle_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.state <> 'RESERVED' OR NEW.state = 'RESERVED'
            OR (NEW.release_id, NEW.population, NEW.period, NEW.rho_numerator, NEW.rho_denominator, NEW.reserved_by,
                NEW.reserved_at)
               IS DISTINCT FROM
               (OLD.release_id, OLD.population, OLD.period, OLD.rho_numerator, OLD.rho_denominator, OLD.reserved_by,
                OLD.reserved_at) THEN
        RAISE EXCEPTION 'a budget reservation can only be settled, once' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER stat_budget_entry_settle_only BEFORE UPDATE OR DELETE ON stat_budget_entry
    FOR EACH ROW EXECUTE FUNCTION stat_budget_entry_settle_only();
CREATE TRIGGER stat_budget_entry_no_truncate BEFORE TRUNCATE ON stat_budget_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- The release register: every statistical output that left the registry (aggregate TABLE or microdata EXTRACT),
-- with its specification, its canonical JSON manifest (protection applied, budget spent, CSV digest), the CSV
-- itself, and the key provider's signature over the manifest bytes. register_detail (canonical JSON) holds what
-- only the data protection officer sees and the recipient must not (withheld cells by reason, the risk of an
-- extract's data before treatment): it is in neither the manifest nor the CSV. Append-only, like the audit trail. No
-- personal data: aggregates after disclosure control, or pseudonymised, k-anonymous extracts.
CREATE TABLE stat_release (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('TABLE', 'EXTRACT')),
    purpose       text        NOT NULL,
    profile       text,
    method        text        NOT NULL,
    population    text,
    recipient     text,
    agreement_id  uuid        REFERENCES sharing_agreement (id),
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    specification text        NOT NULL,
    manifest      text        NOT NULL,
    register_detail text      NOT NULL,
    csv           bytea       NOT NULL,
    csv_sha256    bytea       NOT NULL CHECK (length(csv_sha256) = 32),
    key_id        text        NOT NULL,
    algorithm     text        NOT NULL,
    signature     bytea       NOT NULL,
    CHECK ((recipient IS NULL) = (agreement_id IS NULL))
);
CREATE INDEX stat_release_created ON stat_release (created_at DESC, id);
CREATE TRIGGER stat_release_no_update BEFORE UPDATE OR DELETE ON stat_release
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER stat_release_no_truncate BEFORE TRUNCATE ON stat_release
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
