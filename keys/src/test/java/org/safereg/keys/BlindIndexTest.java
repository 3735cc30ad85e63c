package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlindIndexTest {
    @TempDir
    static Path dir;
    static KekProvider kek;
    static KekProvider otherKeystore;

    @BeforeAll
    static void openKeystores() {
        kek = LocalKeystoreKekProvider.openOrCreate(dir.resolve("a.bcfks"), "a".toCharArray());
        otherKeystore = LocalKeystoreKekProvider.openOrCreate(dir.resolve("b.bcfks"), "b".toCharArray());
    }

    @Test
    void deterministicPerFieldAndKeystore() {
        BlindIndex index = new BlindIndex(kek, "individual.document_number");

        assertThat(index.of("P1234567")).hasSize(BlindIndex.LENGTH).isEqualTo(index.of("P1234567"));
        assertThat(new BlindIndex(kek, "individual.document_number").of("P1234567")).isEqualTo(index.of("P1234567"));
        assertThat(index.of("P1234567")).isNotEqualTo(index.of("P1234568"));
        assertThat(index.of("")).hasSize(BlindIndex.LENGTH);
    }

    @Test
    void independentAcrossFieldsAndKeystores() {
        byte[] document = new BlindIndex(kek, "individual.document_number").of("AMINA|1990-01-01");
        byte[] names = new BlindIndex(kek, "individual.name_dob").of("AMINA|1990-01-01");
        byte[] elsewhere = new BlindIndex(otherKeystore, "individual.document_number").of("AMINA|1990-01-01");

        assertThat(document).isNotEqualTo(names).isNotEqualTo(elsewhere);
    }

    @Test
    void survivesKekRotation() {
        Path file = dir.resolve("rotating.bcfks");
        LocalKeystoreKekProvider rotating = LocalKeystoreKekProvider.openOrCreate(file, "r".toCharArray());
        byte[] before = new BlindIndex(rotating, "individual.document_number").of("X1");

        rotating.rotate();
        rotating.retire(new KekVersion(1));

        assertThat(new BlindIndex(rotating, "individual.document_number").of("X1")).isEqualTo(before);
    }

    @Test
    void rejectsMalformedFieldNames() {
        for (String bad : new String[] {"", "Individual.Name", "a..b", "a/b", "1abc", "x".repeat(101)}) {
            assertThatThrownBy(() -> new BlindIndex(kek, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new BlindIndex(kek, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
