-- Runs after every migration run (so at every start), as the migration login, which owns the tables.
-- When the application connects as a login of its own (${appRole}: safereg_app on the embedded default, or
-- REGISTRY_DB_USER when REGISTRY_DB_MIGRATION_USER is set), it gets exactly the privileges it needs on every
-- table, including tables added by later migrations, and no more:
--   * read and write on the registration tables;
--   * audit_event, audit_checkpoint and erasure_receipt: SELECT and INSERT only (append-only also against its own connection:
--     not being the owner it can neither disable their triggers nor truncate, alter or drop them);
--   * audit_head: SELECT and UPDATE (the chain head row);
--   * consent_record and consent_purpose: SELECT, INSERT and DELETE (append-only; DELETE for erasure);
--   * case_note: SELECT, INSERT and DELETE (append-only notes; erasure deletes a subject's notes);
--   * break_glass_access: SELECT and INSERT only (which audit events a break-glass grant permitted);
--   * transfer, transfer_subject (the record of disclosures): SELECT and INSERT only, like the audit tables;
--   * sharing_agreement: no DELETE (a trigger allows only one revocation as UPDATE);
--   * stat_release (the statistical release register): SELECT and INSERT only, like the audit tables;
--   * stat_budget_entry: no DELETE (a trigger allows only the one settlement of a reservation as UPDATE);
--     stat_budget_cap: no DELETE (the data protection officer replaces a cap, never removes it);
--   * nothing on the migration history table.
-- Without a separate application login (${appRole} empty) this does nothing.
DO $grants$
DECLARE
    app text := '${appRole}';
    sch text := current_schema();
BEGIN
    IF app = '' THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', sch, app);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', sch, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', sch, app);
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_event, audit_checkpoint FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE ON erasure_receipt FROM %I', app);
    EXECUTE format('REVOKE INSERT, DELETE ON audit_head FROM %I', app);
    EXECUTE format('REVOKE UPDATE ON consent_record, consent_purpose FROM %I', app);
    EXECUTE format('REVOKE UPDATE ON case_note FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE ON break_glass_access FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE ON transfer, transfer_subject FROM %I', app);
    EXECUTE format('REVOKE DELETE ON sharing_agreement FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE ON stat_release FROM %I', app);
    EXECUTE format('REVOKE DELETE ON stat_budget_entry, stat_budget_cap FROM %I', app);
    EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', sch, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', sch, app);
END
$grants$;
