package org.safereg.keys.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekVersion;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.vault.TransitTestKeys;
import org.safereg.keys.vault.VaultTransitKekProvider;

/**
 * TEST SUPPORT: the KEK provider a test suite runs on, chosen for the whole JVM by the system property
 * {@value #PROPERTY}, so one suite runs unchanged on each provider:
 * <ul>
 *   <li>{@code local} (default): a {@link LocalKeystoreKekProvider} over a BCFKS keystore in the test's
 *       directory;</li>
 *   <li>{@code vault}: a {@link VaultTransitKekProvider} over the real driver and real HTTP, against the JVM's
 *       shared {@link org.safereg.keys.vault.TransitTestServer} — a test double of Vault, not Vault — with Transit
 *       keys of its own ({@link TransitTestKeys}), so tests stay independent.</li>
 * </ul>
 * KEK rotation and retirement are application calls on the local provider and operator actions in Vault: tests
 * that rotate ask {@link #rotatedByOperator()} and perform the operator's part with {@link #rotateAsOperator()}
 * and {@link #retireAsOperator}. Thread-safe as the providers are.
 */
public interface TestKek extends AutoCloseable {
    /** System property selecting the provider: {@code local} or {@code vault}. */
    String PROPERTY = "safereg.test.kek";

    /** The provider kinds. */
    enum Kind { LOCAL, VAULT }

    /** The kind {@value #PROPERTY} selects ({@code local} when unset); an unknown value fails the test run. */
    static Kind selected() {
        String value = System.getProperty(PROPERTY, "local").strip().toUpperCase(Locale.ROOT);
        try {
            return Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("-D" + PROPERTY + " must be local or vault");
        }
    }

    /** A provider of the {@link #selected()} kind; the local one keeps its keystore in {@code directory}. */
    static TestKek open(Path directory) {
        return selected() == Kind.VAULT ? vault() : local(directory);
    }

    /** A local keystore provider over {@code <directory>/kek.bcfks} (created, or opened if it exists). */
    static TestKek local(Path directory) {
        return new LocalTestKek(directory.resolve("kek.bcfks"));
    }

    /** A Vault Transit provider with fresh keys on the JVM's shared Transit test double. */
    static TestKek vault() {
        return new VaultTestKek(TransitTestKeys.provision(TransitTestKeys.sharedServer()));
    }

    Kind kind();

    /** The provider (opened once; closed by {@link #close()}). */
    KekProvider provider();

    /** Another provider over the same KEK, as a restarted process opens it, sharing no cache; closed by {@link #close()}. */
    KekProvider reopen();

    /** True when rotation and retirement are operator actions outside the application (Vault). */
    default boolean rotatedByOperator() {
        return kind() == Kind.VAULT;
    }

    /** The operator rotates the KEK in Vault; returns the new primary version. Only when {@link #rotatedByOperator()}. */
    KekVersion rotateAsOperator();

    /**
     * The operator retires every KEK version below {@code primary} (Vault: raises {@code min_decryption_version}).
     * Only when {@link #rotatedByOperator()}.
     */
    void retireAsOperator(KekVersion primary);

    @Override
    void close();

    /** The local keystore provider. */
    final class LocalTestKek implements TestKek {
        static final char[] PASSPHRASE = "test-passphrase".toCharArray();
        private final Path keystore;
        private final LocalKeystoreKekProvider provider;

        LocalTestKek(Path keystore) {
            this.keystore = keystore;
            this.provider = LocalKeystoreKekProvider.openOrCreate(keystore, PASSPHRASE);
        }

        @Override public Kind kind() { return Kind.LOCAL; }
        @Override public KekProvider provider() { return provider; }
        @Override public KekProvider reopen() { return LocalKeystoreKekProvider.openOrCreate(keystore, PASSPHRASE); }

        @Override
        public KekVersion rotateAsOperator() {
            throw new IllegalStateException("the local provider rotates through the application (KekProvider.rotate)");
        }

        @Override
        public void retireAsOperator(KekVersion primary) {
            throw new IllegalStateException("the local provider retires through the application (KekProvider.retire)");
        }

        @Override
        public void close() {
            // the local provider holds no resources beyond memory
        }
    }

    /** The Vault Transit provider on the shared test double. */
    final class VaultTestKek implements TestKek {
        private final TransitTestKeys keys;
        private final VaultTransitKekProvider provider;
        private final List<VaultTransitKekProvider> reopened = new CopyOnWriteArrayList<>();

        VaultTestKek(TransitTestKeys keys) {
            this.keys = keys;
            this.provider = keys.connect();
        }

        @Override public Kind kind() { return Kind.VAULT; }
        @Override public KekProvider provider() { return provider; }
        @Override
        public KekProvider reopen() {
            VaultTransitKekProvider another = keys.connect();
            reopened.add(another);
            return another;
        }

        @Override
        public KekVersion rotateAsOperator() {
            keys.rotateKek();
            return provider.primaryVersion();
        }

        @Override
        public void retireAsOperator(KekVersion primary) {
            keys.setMinDecryptionVersion(primary.number());
        }

        @Override
        public void close() {
            provider.close();
            reopened.forEach(VaultTransitKekProvider::close);
        }
    }
}
