package org.safereg.registration.storage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.FieldName;
import org.safereg.registration.model.Birth;
import org.safereg.registration.model.Contact;
import org.safereg.registration.model.IdentityDocument;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.LocationRef;
import org.safereg.registration.model.Names;
import org.safereg.registration.model.PopulationCategory;
import org.safereg.registration.model.RegistrationMethod;
import org.safereg.registration.model.Sex;
import org.safereg.registration.model.SpecificNeed;
import org.safereg.registration.storage.PaddedPayload.Block;
import org.safereg.registration.storage.PaddedPayload.RecordBinding;
import tools.jackson.core.type.TypeReference;

/**
 * Encryption of {@link IndividualDetails} into the explicit ciphertext columns of {@code individual_version}
 * (internal): one column per field group, each the JSON of the group padded to the column's
 * {@link PaddedPayload.Block} and encrypted under the subject's DEMOGRAPHIC key with field name
 * {@code individual.<column>} and schema version 2 (the padded layout). Absent values are encrypted and padded
 * too. The coded columns (registration method, sex, birth, nationalities, population category, location,
 * specific needs) have one fixed ciphertext length whatever their value, present or absent; the free-text
 * columns (names, documents, contact, change reason) reveal their length only in blocks of 256 bytes. Every
 * column also carries its row's {@link RecordBinding} (individual id, version), so a column copied from an older
 * version into the current one fails to decrypt. Thread-safe.
 */
public final class IndividualCodec {

    /** The encrypted columns of {@code individual_version}. */
    public enum Column {
        REGISTRATION_METHOD("registration_method", Block.CODE),
        NAMES("names", Block.TEXT),
        SEX("sex", Block.CODE),
        BIRTH("birth", Block.SMALL),
        NATIONALITY("nationality", Block.CODE),
        DOCUMENTS("documents", Block.TEXT),
        POPULATION_CATEGORY("population_category", Block.CODE),
        LOCATION("location", Block.SMALL),
        SPECIFIC_NEEDS("specific_needs", Block.CODE_SET),
        CONTACT("contact", Block.TEXT);

        private final String column;
        private final FieldName field;
        private final Block block;

        Column(String column, Block block) {
            this.column = column;
            this.field = FieldName.of("individual." + column, SCHEMA_VERSION);
            this.block = block;
        }

        /** The SQL column name. */
        public String column() {
            return column;
        }

        FieldName field() {
            return field;
        }

        /** The padding block of the column. */
        public Block block() {
            return block;
        }
    }

    /** Schema version of every column: 2 is the padded layout of {@link PaddedPayload}. */
    static final int SCHEMA_VERSION = 2;

    /** Field name of the encrypted change reason of a version (padded as {@link Block#TEXT}). */
    public static final FieldName CHANGE_REASON = FieldName.of("individual.change_reason", SCHEMA_VERSION);

    /** The names column also keeps the normalised form used for the name index. */
    record StoredNames(Names asWritten, String normalisedFullName) {
    }

    private IndividualCodec() {
    }

    /** Encrypts the columns of version {@code row} ({@code individual_version} row of that id and version). */
    public static Map<Column, byte[]> encrypt(FieldCipher cipher, RecordBinding row, IndividualDetails d) {
        Map<Column, byte[]> out = new EnumMap<>(Column.class);
        put(out, cipher, row, Column.REGISTRATION_METHOD, d.registrationMethod());
        put(out, cipher, row, Column.NAMES, new StoredNames(d.names(), d.names().normalisedFullName()));
        put(out, cipher, row, Column.SEX, d.sex());
        put(out, cipher, row, Column.BIRTH, d.birth());
        put(out, cipher, row, Column.NATIONALITY, d.nationalities());
        put(out, cipher, row, Column.DOCUMENTS, d.documents());
        put(out, cipher, row, Column.POPULATION_CATEGORY, d.populationCategory());
        put(out, cipher, row, Column.LOCATION, d.location());
        put(out, cipher, row, Column.SPECIFIC_NEEDS, d.specificNeeds());
        put(out, cipher, row, Column.CONTACT, d.contact());
        return out;
    }

    /** Decrypts the columns of version {@code row}; a column sealed for another row or version fails. */
    public static IndividualDetails decrypt(FieldCipher cipher, RecordBinding row, Map<Column, byte[]> in) {
        return new IndividualDetails(
                get(in, cipher, row, Column.REGISTRATION_METHOD, new TypeReference<RegistrationMethod>() { }),
                get(in, cipher, row, Column.NAMES, new TypeReference<StoredNames>() { }).asWritten(),
                get(in, cipher, row, Column.SEX, new TypeReference<Optional<Sex>>() { }),
                get(in, cipher, row, Column.BIRTH, new TypeReference<Optional<Birth>>() { }),
                get(in, cipher, row, Column.NATIONALITY, new TypeReference<List<String>>() { }),
                get(in, cipher, row, Column.DOCUMENTS, new TypeReference<List<IdentityDocument>>() { }),
                get(in, cipher, row, Column.POPULATION_CATEGORY, new TypeReference<Optional<PopulationCategory>>() { }),
                get(in, cipher, row, Column.LOCATION, new TypeReference<Optional<LocationRef>>() { }),
                get(in, cipher, row, Column.SPECIFIC_NEEDS, new TypeReference<Set<SpecificNeed>>() { }),
                get(in, cipher, row, Column.CONTACT, new TypeReference<Optional<Contact>>() { }));
    }

    private static void put(Map<Column, byte[]> out, FieldCipher cipher, RecordBinding row, Column column,
                            Object value) {
        out.put(column, PaddedPayload.seal(cipher, column.field(), column.block(), row, value));
    }

    private static <T> T get(Map<Column, byte[]> in, FieldCipher cipher, RecordBinding row, Column column,
                             TypeReference<T> type) {
        return PaddedPayload.open(cipher, column.field(), row, in.get(column), type);
    }
}
