package org.safereg.api.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account name and per client address in fixed windows: once a name or an address
 * reaches its limit, {@link #blockedFor} says how long until its window ends, and the caller refuses without
 * verifying any password (so guessing is bounded, and refusing costs nothing). A successful sign-in clears its
 * account name's counter, not its address's. IPv6 clients count per /64 (one host can use a whole /64).
 *
 * <p>Memory is bounded: at most {@code trackedEntries} names and as many addresses, the least recently used
 * dropped first. Account names are tracked only when they have the form of one (anything else cannot sign in
 * anyway and is counted against the address only). Names are never logged (people type passwords into the
 * name field); addresses are logged once when they become throttled. Thread-safe.
 */
final class SignInThrottle {
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final int maxPerAccount;
    private final int maxPerClient;
    private final Duration window;
    private final Clock clock;
    private final Counters accounts;
    private final Counters clients;

    /**
     * @param maxPerAccount failures per account name per window, 0 for no limit
     * @param maxPerClient failures per client address per window, 0 for no limit
     */
    SignInThrottle(int maxPerAccount, int maxPerClient, Duration window, int trackedEntries, Clock clock) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerClient = maxPerClient;
        this.window = window;
        this.clock = clock;
        this.accounts = new Counters(trackedEntries);
        this.clients = new Counters(trackedEntries);
    }

    /** How long sign-ins for this name or from this address stay refused; empty if they may proceed. */
    Optional<Duration> blockedFor(String username, String client) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = accountKey(username)
                .flatMap(name -> accounts.blockedFor(name, maxPerAccount, now));
        Optional<Duration> byClient = clients.blockedFor(clientKey(client), maxPerClient, now);
        if (byAccount.isPresent() && byClient.isPresent()) {
            return Optional.of(byAccount.get().compareTo(byClient.get()) >= 0 ? byAccount.get() : byClient.get());
        }
        return byAccount.isPresent() ? byAccount : byClient;
    }

    void failed(String username, String client) {
        Instant now = clock.instant();
        accountKey(username).ifPresent(name -> {
            if (accounts.increment(name, maxPerAccount, now) == maxPerAccount) {
                log.warn("Sign-in throttled for one account name after {} failures within {}", maxPerAccount, window);
            }
        });
        String address = clientKey(client);
        if (clients.increment(address, maxPerClient, now) == maxPerClient) {
            log.warn("Sign-in throttled for client {} after {} failures within {}", address, maxPerClient, window);
        }
    }

    void succeeded(String username) {
        accountKey(username).ifPresent(accounts::clear);
    }

    private static Optional<String> accountKey(String username) {
        return username != null && AccountService.USERNAME.matcher(username).matches()
                ? Optional.of(username) : Optional.empty();
    }

    /** The address, or for IPv6 its /64 prefix; "unknown" when there is none. */
    static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal address: no name lookup happens
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address v6) {
                byte[] bytes = v6.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** A bounded LRU map of key -> failures in the current window. */
    private final class Counters {
        private final Map<String, Window> byKey;

        Counters(int capacity) {
            this.byKey = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Optional<Duration> blockedFor(String key, int limit, Instant now) {
            if (limit == 0) {
                return Optional.empty();
            }
            Window w = byKey.get(key);
            if (w == null || w.count < limit) {
                return Optional.empty();
            }
            Instant end = w.start.plus(window);
            if (!now.isBefore(end)) {
                byKey.remove(key);
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, end));
        }

        /** Counts one failure; returns the count in the current window. */
        synchronized int increment(String key, int limit, Instant now) {
            if (limit == 0) {
                return -1;
            }
            Window w = byKey.get(key);
            if (w == null || !now.isBefore(w.start.plus(window))) {
                w = new Window(now);
                byKey.put(key, w);
            }
            w.count++;
            return w.count;
        }

        synchronized void clear(String key) {
            byKey.remove(key);
        }
    }

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }
}
