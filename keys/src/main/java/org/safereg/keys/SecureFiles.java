package org.safereg.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only files for secrets: directories 0700, files 0600, contents always published whole (written to a
 * temporary file in the same directory, forced to disk, then linked or atomically moved into place, then the
 * directory forced to disk so the new name survives a crash), so a reader never sees a half-written secret and a
 * crash leaves either the old or the new file. {@link #replace} keeps the replaced content as
 * {@code <name>.prev} (0600), one generation back, for recovery. Filesystems that refuse to force a directory
 * (some network and Windows filesystems) are tolerated: there the rename's durability is the filesystem's.
 */
final class SecureFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Writes the content of a secret file. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private SecureFiles() {
    }

    /** Creates the parent directory of {@code file} (mode 0700) if it does not exist. */
    static void ensureParentDirectory(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (POSIX) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
    }

    /**
     * Publishes a new file with mode 0600 unless {@code target} already exists (also when another process
     * creates it concurrently). Returns false, leaving the existing file untouched, if it existed.
     */
    static boolean createNew(Path target, Writer content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(target);
        return true;
    }

    /**
     * Replaces {@code target} (or creates it) atomically with a 0600 file holding {@code content}. An existing
     * target's content is first published as {@code <name>.prev} (0600, replacing an older one), so after a
     * crash at any point the directory holds the old or the new content under {@code target}, and the old one
     * under the previous-generation name once the replacement has started.
     */
    static void replace(Path target, Writer content) throws IOException {
        if (Files.exists(target)) {
            Path prev = previous(target);
            Path copy = writeTemp(prev, out -> Files.copy(target, out));
            try {
                Files.move(copy, prev, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        Path temp = writeTemp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(target);
    }

    /** The name {@link #replace} keeps the replaced content under: {@code <name>.prev} in the same directory. */
    static Path previous(Path target) {
        return target.resolveSibling(target.getFileName() + ".prev");
    }

    /** Forces the directory entry changes of {@code file}'s directory to disk, where the filesystem allows it. */
    private static void forceDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException refused) {
            // the filesystem cannot open or force a directory (e.g. Windows): rename durability is its own
        }
    }

    private static Path writeTemp(Path target, Writer content) throws IOException {
        ensureParentDirectory(target);
        Path dir = target.toAbsolutePath().getParent();
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerOnly);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
