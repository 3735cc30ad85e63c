package org.safereg.api.support;

import java.util.ArrayList;
import java.util.List;
import org.safereg.api.RegistryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application started by a test with its own properties (for tests that restart the server or need a
 * configuration of their own), on a random port. Close it to stop it.
 */
public final class RunningApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application with {@code properties} ({@code name=value}, passed as command-line arguments so
     * they override application.yml) and a random HTTP port.
     */
    public static RunningApp start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        for (String p : properties) {
            args.add("--" + p);
        }
        return new RunningApp(new SpringApplicationBuilder(RegistryApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient api() {
        return ApiClient.on(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
