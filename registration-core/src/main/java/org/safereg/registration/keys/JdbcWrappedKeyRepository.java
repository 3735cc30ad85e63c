package org.safereg.registration.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.safereg.keys.DataCategory;
import org.safereg.keys.KekVersion;
import org.safereg.keys.KeyBinding;
import org.safereg.keys.SubjectId;
import org.safereg.keys.WrappedKey;
import org.safereg.keys.WrappedKeyRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WrappedKeyRepository} over the {@code subject_key} table. Participates in the caller's transaction
 * (Spring-managed connection), otherwise each call commits on its own. Thread-safe.
 */
public final class JdbcWrappedKeyRepository implements WrappedKeyRepository {
    private final JdbcClient jdbc;

    public JdbcWrappedKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredKey> find(SubjectId subject, DataCategory category) {
        return jdbc.sql("SELECT subject_id, category, key_scheme, kek_version, wrapped FROM subject_key WHERE subject_id = ? AND category = ?")
                .params(subject.value(), category.name())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    @Override
    public Map<SubjectId, StoredKey> findAll(Collection<SubjectId> subjects, DataCategory category) {
        Map<SubjectId, StoredKey> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT subject_id, category, key_scheme, kek_version, wrapped FROM subject_key"
                        + " WHERE subject_id = ANY (?) AND category = ?")
                .params(subjects.stream().map(SubjectId::value).toArray(UUID[]::new), category.name())
                .query((rs, n) -> stored(rs))
                .list()
                .forEach(key -> found.put(key.binding().subject(), key));
        return found;
    }

    @Override
    public void insert(StoredKey key) {
        int n = jdbc.sql("""
                        INSERT INTO subject_key (subject_id, category, key_scheme, kek_version, wrapped)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject_id, category) DO NOTHING""")
                .params(key.binding().subject().value(), key.binding().category().name(), key.binding().keyScheme(),
                        key.wrapped().kekVersion().number(), key.wrapped().ciphertext())
                .update();
        if (n == 0) {
            throw new IllegalStateException("the subject already has a data key in this category");
        }
    }

    @Override
    public boolean replace(StoredKey expected, StoredKey replacement) {
        if (!expected.binding().subject().equals(replacement.binding().subject())
                || expected.binding().category() != replacement.binding().category()) {
            throw new IllegalArgumentException("a replacement key must have the same subject and category");
        }
        return jdbc.sql("""
                        UPDATE subject_key SET key_scheme = ?, kek_version = ?, wrapped = ?
                        WHERE subject_id = ? AND category = ? AND key_scheme = ? AND kek_version = ? AND wrapped = ?""")
                .params(replacement.binding().keyScheme(), replacement.wrapped().kekVersion().number(),
                        replacement.wrapped().ciphertext(),
                        expected.binding().subject().value(), expected.binding().category().name(),
                        expected.binding().keyScheme(), expected.wrapped().kekVersion().number(),
                        expected.wrapped().ciphertext())
                .update() == 1;
    }

    @Override
    public List<StoredKey> findNotWrappedBy(KekVersion version, int limit) {
        return jdbc.sql("""
                        SELECT subject_id, category, key_scheme, kek_version, wrapped FROM subject_key
                        WHERE kek_version <> ? ORDER BY subject_id, category LIMIT ?""")
                .params(version.number(), limit)
                .query((rs, n) -> stored(rs))
                .list();
    }

    @Override
    public long countWrappedBy(KekVersion version) {
        return jdbc.sql("SELECT count(*) FROM subject_key WHERE kek_version = ?")
                .param(version.number()).query(Long.class).single();
    }

    @Override
    public long countNotWrappedBy(KekVersion version) {
        return jdbc.sql("SELECT count(*) FROM subject_key WHERE kek_version <> ?")
                .param(version.number()).query(Long.class).single();
    }

    @Override
    public int deleteAll(SubjectId subject) {
        return jdbc.sql("DELETE FROM subject_key WHERE subject_id = ?").param(subject.value()).update();
    }

    /**
     * Locks {@code subject_key} against inserts, updates and deletes until the current transaction ends (SHARE
     * ROW EXCLUSIVE; reads go on), waiting for transactions that already wrote to it to finish.
     */
    public void lockAgainstWrites() {
        jdbc.sql("LOCK TABLE subject_key IN SHARE ROW EXCLUSIVE MODE").update();
    }

    /** How many keys each KEK version wraps (versions wrapping none are absent). */
    public SortedMap<KekVersion, Long> countByVersion() {
        SortedMap<KekVersion, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT kek_version, count(*) FROM subject_key GROUP BY kek_version")
                .query((rs, n) -> counts.put(new KekVersion(rs.getInt(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    private static StoredKey stored(ResultSet rs) throws SQLException {
        KeyBinding binding = new KeyBinding(new SubjectId(rs.getObject("subject_id", UUID.class)),
                DataCategory.valueOf(rs.getString("category")), rs.getInt("key_scheme"));
        return new StoredKey(binding, new WrappedKey(new KekVersion(rs.getInt("kek_version")), rs.getBytes("wrapped")));
    }
}
