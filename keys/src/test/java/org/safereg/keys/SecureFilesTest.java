package org.safereg.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret files are published whole, owner-only, and a replacement keeps the previous content as {@code .prev}. */
class SecureFilesTest {
    @TempDir
    Path dir;

    private static SecureFiles.Writer text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replaceKeepsThePreviousContentOwnerOnly() throws Exception {
        Path file = dir.resolve("secret");
        assertThat(SecureFiles.createNew(file, text("first"))).isTrue();
        assertThat(Files.exists(SecureFiles.previous(file))).isFalse();

        SecureFiles.replace(file, text("second"));
        Path prev = dir.resolve("secret.prev");
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(Files.readString(prev)).isEqualTo("first");
        assertThat(Files.getPosixFilePermissions(prev)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        SecureFiles.replace(file, text("third"));
        assertThat(Files.readString(file)).isEqualTo("third");
        assertThat(Files.readString(prev)).isEqualTo("second");
        try (var names = Files.list(dir)) {
            assertThat(names).as("no temporary file is left behind").containsExactlyInAnyOrder(file, prev);
        }
    }

    @Test
    void replacingAMissingFileCreatesItWithoutAPrevious() throws Exception {
        Path file = dir.resolve("fresh");
        SecureFiles.replace(file, text("only"));
        assertThat(Files.readString(file)).isEqualTo("only");
        assertThat(Files.exists(SecureFiles.previous(file))).isFalse();
    }

    @Test
    void createNewLeavesAnExistingFileUntouched() throws Exception {
        Path file = dir.resolve("secret");
        SecureFiles.createNew(file, text("first"));
        assertThat(SecureFiles.createNew(file, text("other"))).isFalse();
        assertThat(Files.readString(file)).isEqualTo("first");
    }
}
