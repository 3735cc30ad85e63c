package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePassphraseTest {
    @TempDir
    Path dir;

    @Test
    void environmentValueWinsAndNoFileIsWritten() {
        Path file = dir.resolve("kek.pass");

        KeystorePassphrase passphrase = KeystorePassphrase.resolve(Optional.of("from-env"), file);

        assertThat(passphrase.value()).containsExactly("from-env".toCharArray());
        assertThat(passphrase.generated()).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void blankEnvironmentValueFallsBackToGeneratedFileWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("keys/kek.pass");

        KeystorePassphrase passphrase = KeystorePassphrase.resolve(Optional.of("  "), file);

        assertThat(passphrase.generated()).isTrue();
        assertThat(Base64.getUrlDecoder().decode(new String(passphrase.value()))).hasSize(32);
        assertThat(Files.readString(file)).isEqualTo(new String(passphrase.value()));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void generatedFileIsReusedAndOpensTheKeystore() {
        Path file = dir.resolve("kek.pass");
        KeystorePassphrase first = KeystorePassphrase.resolve(Optional.empty(), file);
        LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), first.value());

        KeystorePassphrase second = KeystorePassphrase.resolve(Optional.empty(), file);

        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.generated()).isTrue();
        LocalKeystoreKekProvider.openOrCreate(dir.resolve("kek.bcfks"), second.value()).checkAvailable();
        assertThat(second.toString()).doesNotContain(new String(second.value()));
    }

    @Test
    void twoGenerationsEachGetADifferentPassphrase() throws Exception {
        String a = new String(KeystorePassphrase.resolve(Optional.empty(), dir.resolve("a.pass")).value());
        String b = new String(KeystorePassphrase.resolve(Optional.empty(), dir.resolve("b.pass")).value());

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void concurrentResolversAgreeOnOnePassphrase() throws Exception {
        Path file = dir.resolve("kek.pass");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(() -> new String(KeystorePassphrase.resolve(Optional.empty(), file).value()));
            }
            List<String> values = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                values.add(f.get());
            }
            assertThat(values).containsOnly(Files.readString(file));
            assertThat(Files.list(dir)).containsExactly(file);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void emptyPassphraseFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("kek.pass"), "\n");

        assertThatThrownBy(() -> KeystorePassphrase.resolve(Optional.empty(), file))
                .isInstanceOf(KeyProviderUnavailableException.class);
        assertThat(Files.readString(file)).isEqualTo("\n");
    }
}
