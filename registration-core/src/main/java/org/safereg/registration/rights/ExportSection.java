package org.safereg.registration.rights;

import java.util.function.Function;
import org.safereg.keys.SubjectId;

/**
 * Internal extension point of the subject export: a part of the core that holds more of a subject's data
 * (case notes, transfers to recipients, ...) contributes it under its own section name. Called inside the
 * export's guarded transaction; must not decide or audit by itself.
 */
public interface ExportSection {
    /** The section's name in the export (camelCase, e.g. {@code caseNotes}). */
    String name();

    /** The subject's data of this section: records, lists and strings the JSON encoder can write. */
    Object read(SubjectId subject);

    /** A section named {@code name} whose data {@code read} returns. */
    static ExportSection of(String name, Function<SubjectId, Object> read) {
        return new ExportSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object read(SubjectId subject) {
                return read.apply(subject);
            }
        };
    }
}
