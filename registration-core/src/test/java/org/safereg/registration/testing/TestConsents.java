package org.safereg.registration.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.DeliveryMode;
import org.safereg.privacy.consent.Notice;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.privacy.sharing.RecipientId;

/**
 * Consent declarations for tests: {@link #standard()} covers the common purposes so that existing tests enrol
 * people they may then read, search, verify and identify under every default purpose; {@link #only} builds a
 * declaration answering for the given purposes only.
 */
public final class TestConsents {
    /** The notice text the test declarations claim was read aloud (its SHA-256 is recorded). */
    public static final String NOTICE_TEXT = "We record your details to register you and to provide assistance.";

    private static final Set<DataCategory> DEMOGRAPHIC = Set.of(DataCategory.DEMOGRAPHIC);
    private static final Set<DataCategory> WITH_BIOMETRIC = Set.of(DataCategory.DEMOGRAPHIC, DataCategory.BIOMETRIC);
    private static final List<String> DISCLOSURE_PURPOSES = List.of("ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER",
            "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT");
    private static final ConsentDeclaration STANDARD = declaration(standardPurposes());

    private TestConsents() {
    }

    /**
     * Consent given by the subject for REG.ENROL, REG.DEDUP, REG.VERIFY and PROT.CASE (explicit, demographic and
     * biometric), ASSIST.CASH/NFI/SHELTER, PROT.FAMILY_TRACING, SOLUTIONS.RESETTLEMENT (consent, demographic) and
     * FRAUD (legitimate interest), no expiry; no recipient outside the organisation (see {@link #standardNaming}).
     */
    public static ConsentDeclaration standard() {
        return STANDARD;
    }

    /**
     * The standard declaration plus consent given for the statistical purposes STATS.OPS and STATS.PUBLIC, so
     * that a statistics test can withdraw it.
     */
    public static ConsentDeclaration withStatistics() {
        return declaration(withStatisticsPurposes());
    }

    /** {@link #withStatistics()} as a JSON-shaped map (the api's {@code consent} property). */
    public static Map<String, Object> withStatisticsJson() {
        return json(withStatisticsPurposes());
    }

    private static List<PurposeConsent> withStatisticsPurposes() {
        List<PurposeConsent> answers = new ArrayList<>(standardPurposes());
        answers.add(answer("STATS.OPS", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        answers.add(answer("STATS.PUBLIC", LegalBasis.CONSENT, ConsentStatus.GIVEN));
        return answers;
    }

    /** A declaration by the subject answering {@code answers} only. */
    public static ConsentDeclaration only(PurposeConsent... answers) {
        return declaration(List.of(answers));
    }

    /** An answer: GIVEN or REFUSED, demographic only. */
    public static PurposeConsent answer(String purpose, LegalBasis basis, ConsentStatus status) {
        return new PurposeConsent(PurposeCode.of(purpose), basis, DEMOGRAPHIC, Set.of(), Optional.empty(), status);
    }

    /** A GIVEN answer covering demographic and biometric data. */
    public static PurposeConsent biometric(String purpose, LegalBasis basis) {
        return new PurposeConsent(PurposeCode.of(purpose), basis, WITH_BIOMETRIC, Set.of(), Optional.empty(),
                ConsentStatus.GIVEN);
    }

    /** The standard declaration's answers as a JSON-shaped map (the api's {@code consent} property). */
    public static Map<String, Object> standardJson() {
        return json(standardPurposes());
    }

    /**
     * The standard declaration, its disclosure purposes (ASSIST.*, PROT.FAMILY_TRACING, SOLUTIONS.RESETTLEMENT)
     * naming {@code recipients} as the organisations the data may go to.
     */
    public static ConsentDeclaration standardNaming(String... recipients) {
        return declaration(naming(recipients));
    }

    /** {@link #standardNaming} as a JSON-shaped map (the api's {@code consent} property). */
    public static Map<String, Object> standardJsonNaming(String... recipients) {
        return json(naming(recipients));
    }

    private static List<PurposeConsent> naming(String... recipients) {
        Set<RecipientId> named = new java.util.HashSet<>();
        for (String r : recipients) {
            named.add(RecipientId.of(r));
        }
        return standardPurposes().stream().map(a -> DISCLOSURE_PURPOSES.contains(a.purpose().value())
                ? new PurposeConsent(a.purpose(), a.basis(), a.categories(), named, a.retention(), a.status())
                : a).toList();
    }

    /** A JSON-shaped consent answering {@code answers} only, valid until {@code validUntil} if not null. */
    public static Map<String, Object> json(List<PurposeConsent> answers, String validUntil) {
        Map<String, Object> m = json(answers);
        if (validUntil != null) {
            m.put("validUntil", validUntil);
        }
        return m;
    }

    /** A JSON-shaped consent (the api's {@code consent} property) answering {@code answers}. */
    public static Map<String, Object> json(List<PurposeConsent> answers) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", "REG-NOTICE");
        notice.put("version", "3");
        notice.put("sha256", java.util.HexFormat.of().formatHex(noticeHash()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notice", notice);
        m.put("language", "so");
        m.put("delivery", "READ_ALOUD");
        m.put("interpreterUsed", false);
        m.put("givenBy", "SELF");
        List<Map<String, Object>> purposes = new ArrayList<>();
        for (PurposeConsent a : answers) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("purpose", a.purpose().value());
            p.put("basis", a.basis().name());
            p.put("categories", a.categories().stream().map(Enum::name).sorted().toList());
            if (!a.recipients().isEmpty()) {
                p.put("recipients", a.recipients().stream().map(RecipientId::value).sorted().toList());
            }
            p.put("status", a.status().name());
            purposes.add(p);
        }
        m.put("purposes", purposes);
        return m;
    }

    private static List<PurposeConsent> standardPurposes() {
        List<PurposeConsent> answers = new ArrayList<>();
        for (String purpose : List.of("REG.ENROL", "REG.DEDUP", "REG.VERIFY", "PROT.CASE")) {
            answers.add(biometric(purpose, LegalBasis.EXPLICIT_CONSENT));
        }
        for (String purpose : DISCLOSURE_PURPOSES) {
            answers.add(answer(purpose, LegalBasis.CONSENT, ConsentStatus.GIVEN));
        }
        answers.add(answer("FRAUD", LegalBasis.LEGITIMATE_INTEREST, ConsentStatus.GIVEN));
        return answers;
    }

    private static ConsentDeclaration declaration(List<PurposeConsent> answers) {
        return new ConsentDeclaration(new Notice("REG-NOTICE", "3", noticeHash()), "so", DeliveryMode.READ_ALOUD,
                false, ConsentGiver.SELF, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), answers);
    }

    private static byte[] noticeHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(NOTICE_TEXT.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
