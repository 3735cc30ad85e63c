package org.safereg.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * TEST DOUBLE of an OpenID Connect issuer: a JDK HttpServer on localhost serving
 * {@code /.well-known/openid-configuration} and the JWKS, and minting RS256 tokens signed with its key
 * (nimbus-jose-jwt). Also mints tokens signed by a key it does not publish, to test rejection.
 */
public final class OidcIssuerTestDouble implements AutoCloseable {
    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey unpublishedKey;

    private OidcIssuerTestDouble(HttpServer server, RSAKey key, RSAKey unpublishedKey) {
        this.server = server;
        this.key = key;
        this.unpublishedKey = unpublishedKey;
    }

    public static OidcIssuerTestDouble start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            RSAKey other = new RSAKeyGenerator(2048).keyID("other-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            OidcIssuerTestDouble issuer = new OidcIssuerTestDouble(server, key, other);
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\"" + issuer.issuer() + "/jwks\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A token from this issuer for {@code subject} with {@code claims}, valid for {@code lifetime} (negative: expired). */
    public String token(String subject, Map<String, Object> claims, Duration lifetime) {
        return sign(key, issuer(), subject, claims, lifetime);
    }

    /** A well-formed token claiming this issuer but signed with a key the JWKS does not contain. */
    public String tokenWithUnpublishedKey(String subject, Map<String, Object> claims) {
        return sign(unpublishedKey, issuer(), subject, claims, Duration.ofMinutes(5));
    }

    /** A token signed with the published key but naming another issuer. */
    public String tokenFromOtherIssuer(String subject, Map<String, Object> claims) {
        return sign(key, "http://elsewhere.example", subject, claims, Duration.ofMinutes(5));
    }

    private static String sign(RSAKey key, String issuer, String subject, Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plus(lifetime)));
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), b.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
