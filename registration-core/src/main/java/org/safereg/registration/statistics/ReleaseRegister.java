package org.safereg.registration.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.safereg.keys.KekProvider;
import org.safereg.keys.ProviderSignature;
import org.safereg.privacy.sharing.AgreementId;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.Page;
import org.safereg.registration.PageRequest;
import org.safereg.registration.rights.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The release register ({@code stat_release}, append-only): every statistical output that left the registry, with
 * its manifest signed by the key provider ({@link KekProvider#sign}, as erasure receipts are) and its CSV. The
 * manifest is the canonical JSON ({@link CanonicalJson}) of:
 * <pre>
 * format ("safereg.statistical-release.v1"), releaseId, kind, purpose, profile?, method, population?, recipient?,
 * agreementId?, createdAt, registryVersion, csv {sha256, bytes, mediaType}, specification {...}, protection {...}
 * </pre>
 * Beside it the register keeps a detail the manifest must not carry (unsigned, for the data protection officer
 * only: {@link ReleaseEntry#registerDetail}). {@link #enter} runs in the caller's transaction, so a release is registered with everything else it does (budget
 * settlement, audit) or not at all. Not guarded itself: the services that release ({@link StatisticsService}, the
 * extracts) decide and audit. Thread-safe. Costs one signature (microseconds locally, one round trip with Vault),
 * one SHA-256 over the CSV and one insert.
 */
public final class ReleaseRegister {
    /** The {@code format} value of the manifest layout. */
    public static final String FORMAT = "safereg.statistical-release.v1";
    /** The media type of the released files. */
    public static final String CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private static final String COLUMNS = """
            id, kind, purpose, profile, method, population, recipient, agreement_id, created_by, created_at, manifest,
            register_detail, csv_sha256, key_id, algorithm, signature""";
    private static final String REGISTRY_VERSION = registryVersion();

    private final JdbcClient jdbc;
    private final KekProvider kek;

    public ReleaseRegister(JdbcClient jdbc, KekProvider kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /** The version of this software, as manifests record it ({@code unknown} outside a build). */
    public static String version() {
        return REGISTRY_VERSION;
    }

    /** Builds and signs the manifest of {@code entry}, and enters the release (caller's transaction). */
    public RegisteredRelease enter(ReleaseEntry entry) {
        byte[] csv = entry.csv();
        String digest = HexFormat.of().formatHex(sha256(csv));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("sha256", digest);
        file.put("bytes", (long) csv.length);
        file.put("mediaType", CSV_MEDIA_TYPE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("releaseId", entry.id().toString());
        m.put("kind", entry.kind().name());
        m.put("purpose", entry.purpose().value());
        entry.profile().ifPresent(p -> m.put("profile", p));
        m.put("method", entry.method());
        entry.population().ifPresent(p -> m.put("population", p));
        entry.recipient().ifPresent(r -> m.put("recipient", r.value()));
        entry.agreement().ifPresent(a -> m.put("agreementId", a.value().toString()));
        m.put("createdAt", entry.createdAt().toString());
        m.put("registryVersion", REGISTRY_VERSION);
        m.put("csv", file);
        m.put("specification", entry.specification());
        m.put("protection", entry.protection());
        byte[] canonical = CanonicalJson.encode(m);
        ProviderSignature signature = kek.sign(canonical);
        String manifest = new String(canonical, StandardCharsets.UTF_8);
        String detail = new String(CanonicalJson.encode(entry.registerDetail()), StandardCharsets.UTF_8);
        jdbc.sql("""
                        INSERT INTO stat_release (id, kind, purpose, profile, method, population, recipient, agreement_id,
                            created_by, created_at, specification, manifest, register_detail, csv, csv_sha256, key_id, algorithm, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), entry.kind().name(), entry.purpose().value(), entry.profile().orElse(null),
                        entry.method(), entry.population().orElse(null),
                        entry.recipient().map(RecipientId::value).orElse(null),
                        entry.agreement().map(AgreementId::value).orElse(null), entry.createdBy(),
                        OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC),
                        new String(CanonicalJson.encode(entry.specification()), StandardCharsets.UTF_8), manifest,
                        detail, csv, sha256(csv), signature.keyId(), signature.algorithm(), signature.value())
                .update();
        return new RegisteredRelease(entry.id(), entry.kind(), entry.purpose().value(), entry.profile(),
                entry.method(), entry.population(), entry.recipient().map(RecipientId::value),
                entry.agreement().map(AgreementId::value), entry.createdBy(), entry.createdAt(), manifest, detail, digest,
                signature);
    }

    /** The registered release, if any. */
    public Optional<RegisteredRelease> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stat_release WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The release's CSV as registered, if the release exists. */
    public Optional<byte[]> csv(UUID id) {
        return jdbc.sql("SELECT csv FROM stat_release WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Registered releases, newest first, optionally of one kind. */
    public Page<RegisteredRelease> list(PageRequest page, Optional<ReleaseKind> kind) {
        String k = kind.map(Enum::name).orElse(null);
        long total = jdbc.sql("SELECT count(*) FROM stat_release WHERE (?::text IS NULL OR kind = ?)")
                .params(k, k).query(Long.class).single();
        List<RegisteredRelease> items = jdbc.sql("SELECT " + COLUMNS + " FROM stat_release"
                        + " WHERE (?::text IS NULL OR kind = ?) ORDER BY created_at DESC, id OFFSET ? LIMIT ?")
                .params(k, k, page.offset(), page.size()).query((rs, n) -> row(rs)).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Verifies a registered release: the signature over the stored manifest with the key provider, and the stored
     * CSV's SHA-256 against both the manifest's {@code csv.sha256} and the register's digest. Empty if there is
     * no such release.
     */
    public Optional<ReleaseVerification> verify(UUID id) {
        return jdbc.sql("SELECT manifest, csv, csv_sha256, key_id, algorithm, signature FROM stat_release WHERE id = ?")
                .param(id)
                .query((rs, n) -> {
                    String manifest = rs.getString(1);
                    byte[] actual = sha256(rs.getBytes(2));
                    ProviderSignature signature = new ProviderSignature(rs.getString(4), rs.getString(5),
                            rs.getBytes(6));
                    boolean signed = kek.verify(manifest.getBytes(StandardCharsets.UTF_8), signature);
                    JsonNode csv = CanonicalJson.parse(manifest).get("csv");
                    String named = csv == null || csv.get("sha256") == null ? "" : csv.get("sha256").asString();
                    boolean digest = MessageDigest.isEqual(actual, rs.getBytes(3))
                            && named.equals(HexFormat.of().formatHex(actual));
                    return new ReleaseVerification(id, signed, digest, signature.keyId());
                })
                .optional();
    }

    private static RegisteredRelease row(ResultSet rs) throws SQLException {
        return new RegisteredRelease(rs.getObject("id", UUID.class), ReleaseKind.valueOf(rs.getString("kind")),
                rs.getString("purpose"), Optional.ofNullable(rs.getString("profile")), rs.getString("method"),
                Optional.ofNullable(rs.getString("population")), Optional.ofNullable(rs.getString("recipient")),
                Optional.ofNullable(rs.getObject("agreement_id", UUID.class)), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("manifest"),
                rs.getString("register_detail"),
                HexFormat.of().formatHex(rs.getBytes("csv_sha256")),
                new ProviderSignature(rs.getString("key_id"), rs.getString("algorithm"), rs.getBytes("signature")));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String registryVersion() {
        Properties p = new Properties();
        try (InputStream in = ReleaseRegister.class.getResourceAsStream("registry.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("@") ? "unknown" : v;
    }
}
