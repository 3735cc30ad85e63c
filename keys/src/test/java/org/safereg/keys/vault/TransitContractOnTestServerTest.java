package org.safereg.keys.vault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Transit contract against the in-JVM test double {@link TransitTestServer} (always runs). */
class TransitContractOnTestServerTest extends TransitContractTest {
    private static TransitTestServer server;

    @BeforeAll
    static void start() {
        server = TransitTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected Target target() {
        return new Target(server.address(), server.rootToken(), null);
    }
}
