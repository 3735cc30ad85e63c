-- Statistical projection for aggregate release. Keyed by a STATISTICS-domain keyed pseudonym of the individual:
-- no subject id, no timestamp finer than the registration month, no column shared with the identified tables,
-- so it cannot be joined to an individual without the pseudonym key.
CREATE TABLE stat_projection (
    pseudonym           bytea    PRIMARY KEY,
    admin0_pcode        text,
    admin1_pcode        text,
    admin2_pcode        text,
    site_type           text,
    population_category text,
    sex                 text,
    age_band            text,
    nationality         text,
    registration_month  text     NOT NULL CHECK (registration_month ~ '^[0-9]{4}-[0-9]{2}$'),
    household_size      integer  NOT NULL CHECK (household_size >= 1),
    specific_needs      text[]   NOT NULL
);
