package org.safereg.matching;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared real fingerprint images: {@code ../shared/fingerprints} beside the Maven top-level
 * directory, else the system property {@code safereg.fingerprints.dir}. The images are never copied into the
 * project. Tests call {@link #require(String)}, which makes them SKIPPED (not passed) when absent.
 */
public final class SharedFingerprints {
	private SharedFingerprints() {
	}

	public static Optional<Path> root() {
		Path top = null;
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
			if (Files.isRegularFile(dir.resolve("pom.xml")))
				top = dir;
		if (top != null) {
			Path candidate = top.resolve("../shared/fingerprints").normalize();
			if (Files.isDirectory(candidate))
				return Optional.of(candidate);
		}
		String property = System.getProperty("safereg.fingerprints.dir");
		if (property != null && Files.isDirectory(Path.of(property)))
			return Optional.of(Path.of(property));
		return Optional.empty();
	}

	/** Path of a sub-folder or file, or skips the calling test when the shared images are absent. */
	public static Path require(String relative) {
		Optional<Path> root = root();
		assumeTrue(root.isPresent(), "shared fingerprint images not found (../shared/fingerprints or -Dsafereg.fingerprints.dir)");
		Path path = root.get().resolve(relative);
		assumeTrue(Files.exists(path), "shared fingerprint file missing: " + relative);
		return path;
	}

	public static byte[] read(String relative) {
		try {
			return Files.readAllBytes(require(relative));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
