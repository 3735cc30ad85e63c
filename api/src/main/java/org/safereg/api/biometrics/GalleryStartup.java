package org.safereg.api.biometrics;

import java.time.Duration;
import org.safereg.registration.RegistrationCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the fingerprint gallery once the application is ready, on a background thread (the HTTP server serves
 * everything else meanwhile; biometric routes answer 503 and the readiness probe reports not ready until it is
 * loaded). A failed load (database or key provider unavailable) is retried every
 * {@code registry.biometrics.gallery.load-retry-interval}. Stops with the application. Only in the web server
 * (not in command-line runs such as {@code audit-verify}).
 */
@Component
@ConditionalOnWebApplication
class GalleryStartup implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GalleryStartup.class);

    private final RegistrationCore core;
    private final Duration retryInterval;
    private volatile Thread loader;
    private volatile boolean running;

    GalleryStartup(RegistrationCore core, BiometricsProperties properties) {
        this.core = core;
        this.retryInterval = properties.gallery().loadRetryInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        if (!running || loader != null) {
            return;
        }
        Thread thread = new Thread(this::loadUntilDone, "fingerprint-gallery-loader");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    private void loadUntilDone() {
        while (running) {
            try {
                core.biometrics().loadGallery();
                return;
            } catch (RuntimeException e) {
                log.warn("Fingerprint gallery load failed ({}); retrying in {} s", e.getClass().getSimpleName(),
                        retryInterval.toSeconds());
            }
            try {
                Thread.sleep(retryInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
