package org.safereg.keys;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local keystore's passphrase comes from: {@code REGISTRY_KEYSTORE_PASSWORD} when set, otherwise
 * (embedded evaluation default only) a random passphrase generated once into a 0600 file beside the keystore.
 *
 * @param generated true when it came from (or was just written to) the generated file: evaluation only
 */
public record KeystorePassphrase(char[] value, boolean generated) {

    /** Uses {@code fromEnvironment} if present, else reads or creates {@code passphraseFile}. */
    public static KeystorePassphrase resolve(Optional<String> fromEnvironment, Path passphraseFile) {
        throw new UnsupportedOperationException("TODO");
    }
}
