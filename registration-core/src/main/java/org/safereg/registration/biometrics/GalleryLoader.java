package org.safereg.registration.biometrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.safereg.keys.DataCategory;
import org.safereg.keys.DecryptionFailedException;
import org.safereg.keys.FieldCipher;
import org.safereg.keys.SubjectId;
import org.safereg.keys.SubjectKeyring;
import org.safereg.matching.Finger;
import org.safereg.matching.FingerprintGallery;
import org.safereg.matching.FingerprintRejectedException;
import org.safereg.matching.TemplateExtractor;
import org.safereg.registration.biometrics.FingerprintStore.StoredImage;
import org.safereg.registration.biometrics.FingerprintStore.StoredTemplate;
import org.safereg.registration.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the in-memory gallery from the database: persons with fingerprints whose registration is ACTIVE or
 * PENDING_ADJUDICATION, in batches by id. Per batch: three queries (persons, their wrapped BIOMETRIC keys, their
 * encrypted templates) and one {@link org.safereg.keys.KekProvider#unwrapAll} of the keys (one Vault request per
 * chunk); per finger one AES-GCM decryption and one template deserialization (60-90 us), spread over the common
 * fork-join pool; then the batch enters the gallery through {@link FingerprintGallery#enrollAll}, which computes
 * the cylinder-index keys (about 65 us CPU per finger) and fills the index on the gallery's threads. A template made
 * by another SourceAFIS version is rebuilt in memory from the stored image (25-50 ms per finger, permissive
 * quality gate) and counted as stale. Progress is logged every few seconds (counts only).
 *
 * <p>Consistency with concurrent changes: each batch is read and added to the gallery while holding the
 * service's gallery lock, and every removal (erasure, DUPLICATE decision) happens after its transaction commits,
 * under the same lock; so a batch either sees the committed change or its additions are undone by the removal
 * that waits for the lock. Thread-safe; loads run one at a time.
 */
final class GalleryLoader {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryLoader.class);
    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private final FingerprintStore store;
    private final SubjectKeyring keyring;
    private final Transactions transactions;
    private final TemplateExtractor extractor;
    private final TemplateExtractor storedImages;
    private final FingerprintGallery gallery;
    private final ReentrantLock galleryLock;
    private final int batchSize;
    private final AtomicReference<GalleryStatus> status =
            new AtomicReference<>(new GalleryStatus(GalleryStatus.State.NOT_LOADED, 0, 0, 0, 0, 0, 0));
    private final Object loading = new Object();

    GalleryLoader(FingerprintStore store, SubjectKeyring keyring, Transactions transactions,
                  TemplateExtractor extractor, TemplateExtractor storedImages, FingerprintGallery gallery,
                  ReentrantLock galleryLock, int batchSize) {
        this.store = store;
        this.keyring = keyring;
        this.transactions = transactions;
        this.extractor = extractor;
        this.storedImages = storedImages;
        this.gallery = gallery;
        this.galleryLock = galleryLock;
        this.batchSize = batchSize;
    }

    /** The current state, with the gallery's present size. */
    GalleryStatus status() {
        GalleryStatus s = status.get();
        return new GalleryStatus(s.state(), gallery.size(), gallery.fingerCount(), s.loadedPersons(),
                s.totalPersons(), s.failedPersons(), s.staleTemplates());
    }

    /** Loads every gallery person from the database (blocking); the state is READY afterwards, FAILED on error. */
    GalleryStatus load() {
        synchronized (loading) {
            long started = System.nanoTime();
            int total = transactions.readOnly(store::countGallerySubjects);
            Counts counts = new Counts();
            publish(GalleryStatus.State.LOADING, total, counts);
            LOG.info("Fingerprint gallery: loading {} persons from the database", total);
            try {
                Optional<SubjectId> after = Optional.empty();
                long lastLog = started;
                while (true) {
                    List<SubjectId> batch;
                    galleryLock.lock();
                    try {
                        Optional<SubjectId> from = after;
                        batch = transactions.readOnly(() -> store.gallerySubjects(from, batchSize));
                        if (batch.isEmpty()) {
                            break;
                        }
                        loadLocked(batch, counts);
                    } finally {
                        galleryLock.unlock();
                    }
                    after = Optional.of(batch.get(batch.size() - 1));
                    publish(GalleryStatus.State.LOADING, total, counts);
                    long now = System.nanoTime();
                    if (now - lastLog >= PROGRESS_INTERVAL_NANOS) {
                        lastLog = now;
                        LOG.info("Fingerprint gallery: {} of {} persons loaded ({} fingers, {} failed) in {} s",
                                counts.persons, total, counts.fingers, counts.failed,
                                String.format(Locale.ROOT, "%.1f", (now - started) / 1e9));
                    }
                }
            } catch (RuntimeException e) {
                publish(GalleryStatus.State.FAILED, total, counts);
                LOG.error("Fingerprint gallery: load failed after {} persons ({}); biometric operations stay "
                        + "unavailable until a load succeeds", counts.persons, e.getClass().getSimpleName());
                throw e;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            publish(GalleryStatus.State.READY, total, counts);
            LOG.info("Fingerprint gallery: ready, {} persons and {} fingers loaded in {} s ({} templates/s)",
                    counts.persons, counts.fingers, String.format(Locale.ROOT, "%.1f", elapsed),
                    Math.round(counts.fingers / Math.max(elapsed, 1e-3)));
            if (counts.failed > 0) {
                LOG.error("Fingerprint gallery: {} persons could not be loaded (stored data failed authentication "
                        + "or could not be decoded); they are not searchable: investigate", counts.failed);
            }
            if (counts.stale > 0) {
                LOG.warn("Fingerprint gallery: {} templates were made by another SourceAFIS version and were "
                        + "rebuilt from the stored images in memory; run the re-extraction job to store them",
                        counts.stale);
            }
            return status();
        }
    }

    /**
     * Re-reads {@code subjects} from the database and replaces their gallery entries (each replacement is atomic
     * for searches), or removes those no longer ACTIVE or PENDING_ADJUDICATION, under the gallery lock.
     */
    void reload(Collection<SubjectId> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        galleryLock.lock();
        try {
            List<SubjectId> present = transactions.readOnly(() -> store.gallerySubjectsAmong(subjects));
            subjects.stream().filter(s -> !present.contains(s)).forEach(s -> gallery.remove(s.value()));
            loadLocked(present, new Counts());
        } finally {
            galleryLock.unlock();
        }
    }

    /** Reads, decodes and enrols {@code subjects}; the caller holds the gallery lock. */
    private void loadLocked(List<SubjectId> subjects, Counts counts) {
        if (subjects.isEmpty()) {
            return;
        }
        Map<SubjectId, List<StoredTemplate>> stored = transactions.readOnly(() -> store.templates(subjects));
        SubjectKeyring.OpenedKeys keys = transactions.readOnly(() -> keyring.openAll(subjects, DataCategory.BIOMETRIC));
        List<Decoded> decoded = new ArrayList<>(stored.entrySet()).parallelStream()
                .map(e -> keys.failed().contains(e.getKey()) ? Decoded.failed(e.getKey())
                        : decode(e.getKey(), e.getValue(), keys.ciphers().get(e.getKey())))
                .toList();
        Map<UUID, List<Finger>> batch = new LinkedHashMap<>();
        for (Decoded d : decoded) {
            if (d.failed) {
                counts.failed++;
                continue;
            }
            List<Finger> fingers = new ArrayList<>(d.fingers);
            try {
                for (StoredTemplate stale : d.stale) {
                    fingers.add(fromImage(d.cipher, stale));
                    counts.stale++;
                }
            } catch (FingerprintRejectedException | DecryptionFailedException | IllegalStateException e) {
                counts.failed++;
                continue;
            }
            if (fingers.isEmpty()) {
                continue;
            }
            batch.put(d.subject.value(), fingers);
            counts.persons++;
            counts.fingers += fingers.size();
        }
        gallery.enrollAll(batch);
    }

    /** Result of decrypting and deserializing one person's templates. */
    private record Decoded(SubjectId subject, FieldCipher cipher, List<Finger> fingers, List<StoredTemplate> stale,
                           boolean failed) {
        static Decoded failed(SubjectId subject) {
            return new Decoded(subject, null, List.of(), List.of(), true);
        }
    }

    /** Decrypts and deserializes one person's templates; {@code cipher} null: erased meanwhile (no key). */
    private Decoded decode(SubjectId subject, List<StoredTemplate> rows, FieldCipher cipher) {
        if (cipher == null) {
            return new Decoded(subject, null, List.of(), List.of(), false);
        }
        String current = TemplateExtractor.sourceafisVersion();
        List<Finger> fingers = new ArrayList<>(rows.size());
        List<StoredTemplate> stale = new ArrayList<>();
        for (StoredTemplate row : rows) {
            if (!row.version().equals(current)) {
                stale.add(row);
                continue;
            }
            try {
                byte[] plain = cipher.decrypt(FingerprintStore.templateField(row.position()), row.template());
                fingers.add(new Finger(row.position(), extractor.deserialize(plain)));
            } catch (DecryptionFailedException e) {
                return Decoded.failed(subject);
            } catch (FingerprintRejectedException undecodable) {
                stale.add(row);
            }
        }
        return new Decoded(subject, cipher, fingers, stale, false);
    }

    private Finger fromImage(FieldCipher cipher, StoredTemplate row) throws FingerprintRejectedException {
        StoredImage image = transactions.readOnly(() -> store.image(row.subject(), row.index()))
                .orElseThrow(() -> new IllegalStateException("capture without image"));
        byte[] plain = cipher.decrypt(FingerprintStore.imageField(row.position()), image.image());
        return storedImages.extract(plain, row.position(), image.dpi()).finger();
    }

    private void publish(GalleryStatus.State state, int total, Counts counts) {
        status.set(new GalleryStatus(state, 0, 0, counts.persons, total, counts.failed, counts.stale));
    }

    /** Counters of one load (confined to the loading thread). */
    private static final class Counts {
        int persons;
        long fingers;
        int failed;
        int stale;
    }
}
