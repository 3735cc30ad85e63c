package org.safereg.api.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a username + password pair verified against a given stored hash, so HTTP
 * Basic does not run Argon2 on every request. Entries are keyed by HMAC-SHA256 of the credentials under a
 * random key that exists only in this process's memory (the cache holds no password and nothing reusable
 * elsewhere), and record the stored hash that was verified: after a password change the hash differs and
 * the entry no longer counts. Whether the account is enabled is re-read from the database on every request.
 * Bounded to {@value #MAX_ENTRIES} entries. Thread-safe.
 */
final class VerifiedCredentialCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentialCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** True if these credentials verified against {@code storedHash} within the time to live. */
    boolean verified(String username, String password, String storedHash) {
        if (ttl.isZero()) {
            return false;
        }
        Entry e = entries.get(keyOf(username, password));
        return e != null && e.expires().isAfter(clock.instant())
                && MessageDigest.isEqual(e.storedHash().getBytes(StandardCharsets.US_ASCII),
                        storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    void remember(String username, String password, String storedHash) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(keyOf(username, password), new Entry(storedHash, now.plus(ttl)));
    }

    private String keyOf(String username, String password) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] pass = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(4).putInt(user.length).array());
            mac.update(user);
            mac.update(pass);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
