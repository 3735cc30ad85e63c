package org.safereg.api.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.safereg.api.config.RegistryProperties;
import org.safereg.api.config.StartupFailure;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KeyProviderUnavailableException;
import org.safereg.keys.KeystorePassphrase;
import org.safereg.keys.LocalKeystoreKekProvider;
import org.safereg.keys.vault.VaultTransitConfig;
import org.safereg.keys.vault.VaultTransitKekProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link KekProvider} bean, chosen by {@code registry.keys.provider} ({@code REGISTRY_KEY_PROVIDER}):
 * <ul>
 *   <li>{@code local}: the BCFKS keystore at {@code REGISTRY_KEYSTORE_PATH}, created on first start, its passphrase
 *       from {@code REGISTRY_KEYSTORE_PASSWORD} or, on the embedded default only, generated into
 *       {@code <keystore>.passphrase} beside it (logged as evaluation-only). Refuses to start when the keystore
 *       exists but cannot be opened, or when an external database is used without an explicit passphrase.</li>
 *   <li>{@code vault}: Vault Transit with the {@code REGISTRY_VAULT_*} settings (validated when the properties are
 *       bound). Refuses to start when Vault answers that a Transit key is missing or of the wrong type, or the CA
 *       file cannot be read; starts while Vault is unreachable or sealed (key operations answer 503 and health is
 *       DOWN until it serves). The keystore settings are not used.</li>
 * </ul>
 * The provider is closed when the application stops (Vault: the token renewer stops, cached data keys are zeroed).
 */
@Configuration(proxyBeanMethods = false)
class KeyProviderConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KeyProviderConfiguration.class);

    /** Closed on shutdown through the inferred destroy method ({@code close()} of an AutoCloseable provider). */
    @Bean
    KekProvider kekProvider(RegistryProperties properties) {
        return switch (properties.keys().provider()) {
            case LOCAL -> localKeystore(properties);
            case VAULT -> vaultTransit(properties);
        };
    }

    private static KekProvider vaultTransit(RegistryProperties properties) {
        VaultTransitConfig config = properties.vault().transitConfig();
        try {
            VaultTransitKekProvider provider = VaultTransitKekProvider.connect(config);
            log.info("Key provider: Vault Transit at {} (mount {}, KEK {}, {} login)", config.address(),
                    config.transitMount(), config.kekKeyName(),
                    config.auth() instanceof VaultTransitConfig.Token ? "token" : "AppRole");
            return provider;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StartupFailure("The Vault Transit key provider cannot be used: " + e.getMessage() + ".",
                    "Create the Transit keys and the policy as docs/operations/vault.md describes, and check the "
                            + "REGISTRY_VAULT_* settings (key names, transit mount, CA file).", e);
        }
    }

    private static KekProvider localKeystore(RegistryProperties properties) {
        Path keystore = properties.keystorePath();
        Optional<String> configured = Optional.ofNullable(properties.keys().keystorePassword());
        if (configured.isEmpty() && properties.db().external()) {
            throw new StartupFailure("REGISTRY_KEYSTORE_PASSWORD is not set while an external database "
                    + "(REGISTRY_DB_URL) is configured.",
                    "Set REGISTRY_KEYSTORE_PASSWORD. A generated passphrase stored beside the keystore is only "
                            + "allowed for the embedded evaluation default.");
        }
        boolean existed = Files.exists(keystore);
        Path passphraseFile = keystore.resolveSibling(keystore.getFileName() + ".passphrase");
        KeystorePassphrase passphrase;
        try {
            passphrase = KeystorePassphrase.resolve(configured, passphraseFile);
        } catch (RuntimeException e) {
            throw new StartupFailure("Cannot read or create the keystore passphrase file " + passphraseFile + ".",
                    "Check the file's permissions, or set REGISTRY_KEYSTORE_PASSWORD.", e);
        }
        if (passphrase.generated()) {
            log.warn("""

                    ************************************************************************************
                    EVALUATION ONLY: the keystore passphrase was generated and is stored beside the
                    keystore, in {}
                    Anyone who copies the data directory can decrypt everything.
                    For real use set REGISTRY_KEYSTORE_PASSWORD (or use an external key provider).
                    ************************************************************************************""",
                    passphraseFile);
        }
        try {
            KekProvider provider = LocalKeystoreKekProvider.openOrCreate(keystore, passphrase.value());
            log.info("{} keystore {} (primary KEK {})", existed ? "Opened" : "Created", keystore,
                    provider.primaryVersion());
            return provider;
        } catch (KeyProviderUnavailableException e) {
            throw new StartupFailure("The keystore " + keystore + " exists but cannot be opened "
                    + "(wrong passphrase or damaged file).",
                    "Start with the passphrase it was created with (REGISTRY_KEYSTORE_PASSWORD or its .passphrase "
                            + "file), or restore the keystore from backup. A new keystore is never created over "
                            + "an existing one: the data encrypted under it would be lost.", e);
        }
    }
}
