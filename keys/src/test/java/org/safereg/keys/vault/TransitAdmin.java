package org.safereg.keys.vault;

import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Auth;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's side in tests: creates keys, policies and tokens, rotates keys and raises
 * {@code min_decryption_version}, through the real driver over HTTP, so it works the same against the test
 * double and a real Vault. Each call checks its status.
 */
public final class TransitAdmin {
    public static final String MOUNT = TransitTestServer.MOUNT;

    private final URI address;
    private final Path caCertificate;
    private final Vault vault;

    public TransitAdmin(URI address, String adminToken, Path caCertificate) {
        this.address = address;
        this.caCertificate = caCertificate;
        this.vault = client(adminToken);
    }

    /** The documented least-privilege policy (test resource, same text as docs/operations/vault.md). */
    public static String policy(String kek, String signing, String derive) {
        try (InputStream in = TransitAdmin.class.getResourceAsStream("safereg-transit-policy.hcl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{mount}}", MOUNT)
                    .replace("{{kek}}", kek).replace("{{signing}}", signing).replace("{{derive}}", derive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enables the Transit engine at {@value #MOUNT} unless it already is (real Vault only). */
    public void enableTransit() {
        int status = write("sys/mounts/" + MOUNT, Map.of("type", "transit"));
        if (status != 204 && status != 200 && status != 400) {
            throw new IllegalStateException("cannot enable transit: HTTP " + status);
        }
    }

    /** The KEK as documented: aes256-gcm96, not exportable, deletion not allowed. */
    public void createKek(String name, boolean derived) {
        expect(200, 204, write(MOUNT + "/keys/" + name, Map.of("type", "aes256-gcm96", "derived", derived,
                "exportable", false)));
    }

    public void createSigningKey(String name) {
        expect(200, 204, write(MOUNT + "/keys/" + name, Map.of("type", "ed25519", "exportable", false)));
    }

    public void createDerivationKey(String name) {
        expect(200, 204, write(MOUNT + "/keys/" + name, Map.of("type", "aes256-gcm96", "exportable", false)));
    }

    public void rotate(String name) {
        expect(200, 204, write(MOUNT + "/keys/" + name + "/rotate", Map.of()));
    }

    public void setMinDecryptionVersion(String name, int version) {
        expect(200, 204, write(MOUNT + "/keys/" + name + "/config", Map.of("min_decryption_version", version)));
    }

    public void putPolicy(String name, String hcl) {
        expect(200, 204, write("sys/policies/acl/" + name, Map.of("policy", hcl)));
    }

    public String createToken(List<String> policies, String ttl) {
        try {
            return vault.auth().createToken(new Auth.TokenRequest().polices(policies).ttl(ttl)).getAuthClientToken();
        } catch (VaultException e) {
            throw new IllegalStateException("token creation failed: HTTP " + e.getHttpStatusCode());
        }
    }

    /** Deletes test keys (allowing deletion first) and the policy; ignores what is already gone. */
    public void cleanUp(String policy, String... keyNames) {
        for (String name : keyNames) {
            write(MOUNT + "/keys/" + name + "/config", Map.of("deletion_allowed", true));
            status(vault, "DELETE", MOUNT + "/keys/" + name);
        }
        status(vault, "DELETE", "sys/policies/acl/" + policy);
    }

    public int write(String path, Map<String, Object> body) {
        try {
            return vault.logical().write(path, body).getRestResponse().getStatus();
        } catch (VaultException e) {
            return e.getHttpStatusCode();
        }
    }

    /** HTTP status of a request with {@code token} (GET, POST with an empty body, or DELETE). */
    public int statusWith(String token, String method, String path) {
        return status(client(token), method, path);
    }

    private static int status(Vault client, String method, String path) {
        try {
            LogicalResponse response = switch (method) {
                case "GET" -> client.logical().read(path);
                case "DELETE" -> client.logical().delete(path);
                default -> client.logical().write(path, new HashMap<>());
            };
            return response.getRestResponse().getStatus();
        } catch (VaultException e) {
            return e.getHttpStatusCode();
        }
    }

    private Vault client(String token) {
        try {
            VaultConfig config = new VaultConfig().address(address.toString()).token(token);
            if (caCertificate != null) {
                config.sslConfig(new SslConfig().pemFile(caCertificate.toFile()).verify(true).build());
            }
            return Vault.create(config.build(), 1);
        } catch (VaultException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int ok, int alsoOk, int status) {
        if (status != ok && status != alsoOk) {
            throw new IllegalStateException("Vault answered HTTP " + status);
        }
    }
}
