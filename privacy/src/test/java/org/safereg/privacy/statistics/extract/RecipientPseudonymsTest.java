package org.safereg.privacy.statistics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.SubjectId;
import org.safereg.privacy.Pseudonym;
import org.safereg.privacy.PseudonymDomain;
import org.safereg.privacy.Pseudonymizer;
import org.safereg.privacy.sharing.RecipientId;

class RecipientPseudonymsTest {
    @TempDir
    static Path dir;
    static LocalKeystoreKekProvider kek;
    /** STATISTICS pseudonyms of 200 people: the keys of their projection rows. */
    static List<Pseudonym> rows;

    static final RecipientId WFP = RecipientId.of("WFP-SO");
    static final RecipientId UNICEF = RecipientId.of("UNICEF");

    @BeforeAll
    static void setUp() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "extracts".toCharArray());
        Pseudonymizer statistics = new Pseudonymizer(kek);
        rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(statistics.of(PseudonymDomain.STATISTICS, SubjectId.random()));
        }
    }

    private static List<ExtractPseudonym> extract(RecipientPseudonyms pseudonyms, RecipientId recipient, int epoch) {
        RecipientPseudonyms.RecipientPseudonymizer p = pseudonyms.forRecipient(recipient, ExtractEpoch.of(epoch));
        return rows.stream().map(p::of).toList();
    }

    @Test
    void twoRecipientsExtractsOfTheSamePeopleShareNoPseudonym() {
        RecipientPseudonyms pseudonyms = new RecipientPseudonyms(kek);

        Set<ExtractPseudonym> wfp = new HashSet<>(extract(pseudonyms, WFP, 1));
        Set<ExtractPseudonym> unicef = new HashSet<>(extract(pseudonyms, UNICEF, 1));

        assertThat(wfp).hasSize(rows.size());
        assertThat(unicef).hasSize(rows.size());
        assertThat(wfp).doesNotContainAnyElementsOf(unicef);
        Set<String> statisticsHex = new HashSet<>();
        rows.forEach(r -> statisticsHex.add(r.hex()));
        assertThat(wfp).extracting(ExtractPseudonym::value).doesNotContainAnyElementsOf(statisticsHex);
    }

    @Test
    void sameRecipientAndEpochGivesTheSamePseudonymsAcrossExtractsInstancesAndRestarts() {
        List<ExtractPseudonym> first = extract(new RecipientPseudonyms(kek), WFP, 3);

        assertThat(extract(new RecipientPseudonyms(kek), WFP, 3)).isEqualTo(first);
        LocalKeystoreKekProvider reopened =
                LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), "extracts".toCharArray());
        assertThat(extract(new RecipientPseudonyms(reopened), WFP, 3)).isEqualTo(first);
        assertThat(first.get(0).value()).hasSize(32);
    }

    @Test
    void aNewEpochMakesNewExtractsUnlinkableToOldOnes() {
        RecipientPseudonyms pseudonyms = new RecipientPseudonyms(kek);

        Set<ExtractPseudonym> epoch1 = new HashSet<>(extract(pseudonyms, WFP, 1));
        Set<ExtractPseudonym> epoch2 = new HashSet<>(extract(pseudonyms, WFP, ExtractEpoch.of(1).next().number()));

        assertThat(epoch2).hasSize(rows.size()).doesNotContainAnyElementsOf(epoch1);
    }

    @Test
    void matchesTheDocumentedConstruction() throws Exception {
        byte[] ikm = kek.deriveSecret(RecipientPseudonyms.SECRET_LABEL);
        byte[] info = lengthPrefixed("safereg/extract-pseudonym/v1", "UNICEF", 7);
        // HKDF-SHA256 (RFC 5869) with no salt, one block of output, computed with the JDK's HMAC.
        byte[] prk = hmac(new byte[32], ikm);
        byte[] key = hmac(prk, concat(info, new byte[] {1}));
        Pseudonym row = rows.get(0);
        String expected = HexFormat.of().formatHex(Arrays.copyOf(hmac(key, row.value()), 16));

        assertThat(new RecipientPseudonyms(kek).forRecipient(UNICEF, ExtractEpoch.of(7)).of(row).value())
                .isEqualTo(expected);
    }

    @Test
    void anotherKeystoreGivesOtherPseudonyms() {
        LocalKeystoreKekProvider other = LocalKeystoreKekProvider.openOrCreate(dir.resolve("other.bcfks"), "o".toCharArray());

        assertThat(extract(new RecipientPseudonyms(other), WFP, 1))
                .doesNotContainAnyElementsOf(extract(new RecipientPseudonyms(kek), WFP, 1));
    }

    @Test
    void rejectsInputThatIsNotAStatisticsPseudonymAndBadEpochs() {
        RecipientPseudonyms.RecipientPseudonymizer p = new RecipientPseudonyms(kek).forRecipient(WFP, ExtractEpoch.of(1));

        assertThatThrownBy(() -> p.of(new Pseudonym(new byte[32]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtractEpoch.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.recipient()).isEqualTo(WFP);
        assertThat(p.epoch()).isEqualTo(ExtractEpoch.of(1));
    }

    private static byte[] lengthPrefixed(String context, String recipient, int epoch) {
        byte[] c = context.getBytes(StandardCharsets.UTF_8);
        byte[] r = recipient.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + c.length + 4 + r.length + 4)
                .putInt(c.length).put(c).putInt(r.length).put(r).putInt(epoch).array();
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
