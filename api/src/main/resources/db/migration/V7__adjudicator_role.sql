-- Local accounts may hold the ADJUDICATOR role (biometric adjudication, registration-core V5): the check of V2
-- plus that role.
ALTER TABLE app_account DROP CONSTRAINT app_account_roles_check;
ALTER TABLE app_account ADD CONSTRAINT app_account_roles_check
    CHECK (cardinality(roles) > 0
           AND roles <@ ARRAY['REGISTRATION_OFFICER', 'PROTECTION_OFFICER', 'STATISTICIAN',
                              'DATA_PROTECTION_OFFICER', 'ADMIN', 'ADJUDICATOR']::text[]);
