package org.safereg.api.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id for local account passwords: 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt, 32-byte
 * hash (OWASP's minimum recommendation). Measured on the 2-core target: 40-120 ms per verification depending on
 * load, which is why successful HTTP Basic verifications are cached briefly ({@link VerifiedCredentialCache}).
 * The parameters are stored in each hash, so raising them later only affects new hashes.
 */
final class PasswordHashing {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private PasswordHashing() {
    }

    static Argon2PasswordEncoder encoder() {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
