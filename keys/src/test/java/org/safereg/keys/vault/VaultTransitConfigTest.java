package org.safereg.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VaultTransitConfigTest {
    private static final URI VAULT = URI.create("https://vault.example.org:8200");

    @Test
    void defaultsAreTheDocumentedOnesAndWithersChangeOneAspect() {
        VaultTransitConfig config = VaultTransitConfig.of(VAULT, new VaultTransitConfig.Token("hvs.secret"));

        assertThat(config.transitMount()).isEqualTo("transit");
        assertThat(config.kekKeyName()).isEqualTo("safereg-kek");
        assertThat(config.signingKeyName()).isEqualTo("safereg-signing");
        assertThat(config.derivationKeyName()).isEqualTo("safereg-derive");
        assertThat(config.caCertificate()).isNull();
        assertThat(config.dataKeyCacheSize()).isEqualTo(10_000);
        assertThat(config.dataKeyCacheTtl()).isEqualTo(Duration.ofSeconds(30));

        VaultTransitConfig changed = config.withTransitMount("kms/transit").withCaCertificate(Path.of("/etc/vault/ca.pem"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(4)).withDataKeyCache(0, Duration.ZERO)
                .withKeyNames("k", "s", "d");
        assertThat(changed.transitMount()).isEqualTo("kms/transit");
        assertThat(changed.kekKeyName()).isEqualTo("k");
        assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(changed.auth()).isEqualTo(config.auth());
    }

    @Test
    void secretsNeverAppearInToString() {
        VaultTransitConfig token = VaultTransitConfig.of(VAULT, new VaultTransitConfig.Token("hvs.secret-token"));
        VaultTransitConfig appRole = VaultTransitConfig.of(VAULT,
                new VaultTransitConfig.AppRole("approle", "role-id-123", "secret-id-456", true));

        assertThat(token.toString()).doesNotContain("hvs.secret-token");
        assertThat(appRole.toString()).doesNotContain("role-id-123").doesNotContain("secret-id-456").contains("secretIdWrapped=true");
    }

    @Test
    void rejectsInvalidSettings() {
        VaultTransitConfig.Token auth = new VaultTransitConfig.Token("t");
        assertThatThrownBy(() -> VaultTransitConfig.of(URI.create("ftp://vault"), auth)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultTransitConfig.of(URI.create("https://vault/v1"), auth)).isInstanceOf(IllegalArgumentException.class);
        VaultTransitConfig config = VaultTransitConfig.of(VAULT, auth);
        assertThatThrownBy(() -> config.withKeyNames("same", "same", "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withKeyNames("a/b", "s", "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withTransitMount("/transit/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withDataKeyCache(-1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VaultTransitConfig.Token(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VaultTransitConfig.AppRole("approle", "r", "", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
