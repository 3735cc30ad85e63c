package org.safereg.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the local keystore's passphrase comes from: {@code REGISTRY_KEYSTORE_PASSWORD} when set, otherwise
 * (embedded evaluation default only) a random passphrase generated once into a 0600 file beside the keystore.
 * The generated passphrase is 32 random bytes, base64url without padding (43 characters).
 *
 * @param generated true when it came from (or was just written to) the generated file: evaluation only
 */
public record KeystorePassphrase(char[] value, boolean generated) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Uses {@code fromEnvironment} if present and not blank, else reads {@code passphraseFile}, else creates it
     * (parent directory 0700, file 0600, never overwriting: if another process creates it first, its passphrase
     * is used). Throws {@link KeyProviderUnavailableException} if the file cannot be read or written, or is blank.
     */
    public static KeystorePassphrase resolve(Optional<String> fromEnvironment, Path passphraseFile) {
        if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
            return new KeystorePassphrase(fromEnvironment.get().toCharArray(), false);
        }
        try {
            if (!Files.exists(passphraseFile)) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(random);
                SecureFiles.createNew(passphraseFile, out -> out.write(encoded));
            }
            String stored = Files.readString(passphraseFile, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new KeyProviderUnavailableException("keystore passphrase file " + passphraseFile + " is empty");
            }
            return new KeystorePassphrase(stored.toCharArray(), true);
        } catch (IOException e) {
            throw new KeyProviderUnavailableException("cannot read or create the keystore passphrase file " + passphraseFile, e);
        }
    }

    @Override
    public String toString() {
        return "KeystorePassphrase[generated=" + generated + "]";
    }
}
