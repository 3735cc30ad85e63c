package org.safereg.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.KekVersion;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.SubjectId;

class PseudonymizerTest {
    @TempDir
    static Path dir;
    static LocalKeystoreKekProvider kek;

    @BeforeAll
    static void openKeystore() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "pseudonyms".toCharArray());
    }

    private final SubjectId subject = SubjectId.random();

    @Test
    void stablePerSubjectAndDomainAcrossInstancesAndReopen() {
        Pseudonym audit = new Pseudonymizer(kek).of(PseudonymDomain.AUDIT, subject);

        assertThat(audit.value()).hasSize(Pseudonymizer.LENGTH);
        assertThat(new Pseudonymizer(kek).of(PseudonymDomain.AUDIT, subject)).isEqualTo(audit);
        LocalKeystoreKekProvider reopened = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "pseudonyms".toCharArray());
        assertThat(new Pseudonymizer(reopened).of(PseudonymDomain.AUDIT, subject)).isEqualTo(audit);
    }

    @Test
    void domainsAndSubjectsGiveDifferentPseudonyms() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(kek);

        Pseudonym audit = pseudonymizer.of(PseudonymDomain.AUDIT, subject);
        assertThat(pseudonymizer.of(PseudonymDomain.STATISTICS, subject)).isNotEqualTo(audit);
        assertThat(pseudonymizer.of(PseudonymDomain.AUDIT, SubjectId.random())).isNotEqualTo(audit);
        assertThat(audit.hex()).hasSize(32).doesNotContain(subject.toString().replace("-", "").substring(0, 8));
    }

    @Test
    void matchesTheDocumentedConstructionAndIsIndependentOfOtherKeystores() throws Exception {
        Pseudonym expected = new Pseudonym(hmacPrefix(kek.deriveSecret("pseudonym/statistics"), subject));
        assertThat(new Pseudonymizer(kek).of(PseudonymDomain.STATISTICS, subject)).isEqualTo(expected);

        LocalKeystoreKekProvider other = LocalKeystoreKekProvider.openOrCreate(dir.resolve("other.bcfks"), "x".toCharArray());
        assertThat(new Pseudonymizer(other).of(PseudonymDomain.STATISTICS, subject)).isNotEqualTo(expected);
    }

    @Test
    void survivesKekRotation() {
        LocalKeystoreKekProvider rotating = LocalKeystoreKekProvider.openOrCreate(dir.resolve("rotating.bcfks"), "r".toCharArray());
        Pseudonym before = new Pseudonymizer(rotating).of(PseudonymDomain.AUDIT, subject);

        rotating.rotate();
        rotating.retire(new KekVersion(1));

        assertThat(new Pseudonymizer(rotating).of(PseudonymDomain.AUDIT, subject)).isEqualTo(before);
    }

    /** Independent reference computation with the JDK's HMAC. */
    private static byte[] hmacPrefix(byte[] key, SubjectId subject) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        byte[] id = java.nio.ByteBuffer.allocate(16).putLong(subject.value().getMostSignificantBits())
                .putLong(subject.value().getLeastSignificantBits()).array();
        return java.util.Arrays.copyOf(mac.doFinal(id), 16);
    }
}
