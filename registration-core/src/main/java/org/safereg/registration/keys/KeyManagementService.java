package org.safereg.registration.keys;

import java.util.Optional;
import java.util.function.Consumer;
import org.safereg.keys.KekProvider;
import org.safereg.keys.KekRotation;
import org.safereg.keys.KekVersion;
import org.safereg.privacy.Action;
import org.safereg.registration.KekVersionInUseException;
import org.safereg.registration.OperatorActionRequiredException;
import org.safereg.registration.RequestContext;
import org.safereg.registration.ValidationException;
import org.safereg.registration.audit.AccessGuard;

/**
 * KEK rotation, re-wrap of stored data keys, retirement of old KEK versions, and status. Every call is decided
 * by the policy decision point and audited with action {@link Action#KEY_MANAGEMENT} (no subject); rotation and
 * retirement change the key provider, which no rollback undoes, so each appends two events: the permitted intent,
 * committed before the provider changes, and the outcome (SUCCESS or FAILED) after. Re-wrap runs
 * while the server serves requests (compare-and-set per key; each batch commits on its own, so an interrupted
 * job loses nothing and resumes where it stopped). With a provider that rotates outside the application (Vault
 * Transit), rotation and retirement are the operator's, in the provider, and answer
 * {@link OperatorActionRequiredException}; re-wrap and status work with every provider. Thread-safe.
 */
public final class KeyManagementService {
    /** Largest re-wrap batch. */
    public static final int MAX_BATCH = 10_000;

    private final AccessGuard guard;
    private final KekProvider kek;
    private final JdbcWrappedKeyRepository repository;
    private final KekRotation rotation;

    /** Internal: obtain the instance from {@link org.safereg.registration.RegistrationCore#keyManagement()}. */
    public KeyManagementService(AccessGuard guard, KekProvider kek, JdbcWrappedKeyRepository repository) {
        this.guard = guard;
        this.kek = kek;
        this.repository = repository;
        this.rotation = new KekRotation(kek, repository);
    }

    /**
     * Makes a new KEK version primary; new data keys are wrapped with it from now on. The permitted intent is
     * audited and committed before the key provider changes, the outcome after.
     *
     * @throws OperatorActionRequiredException the provider rotates outside the application (Vault: rotate the
     *     Transit key, then re-wrap); audited as the intent followed by FAILED
     */
    public KekVersion rotate(RequestContext context) {
        return guard.runWithExternalEffect(context, Action.KEY_MANAGEMENT, trail -> null, trail -> {
            try {
                return rotation.rotate();
            } catch (UnsupportedOperationException e) {
                throw new OperatorActionRequiredException("KEK rotation is an operator action in the key provider"
                        + " (Vault: rotate the Transit key, or let auto_rotate_period do it), then re-wrap here");
            }
        });
    }

    /** Re-wraps up to {@code batchSize} (1..10000) data keys not yet at the primary version, in one transaction. */
    public KekRotation.Progress rewrapBatch(RequestContext context, int batchSize) {
        checkBatch(batchSize);
        return guard.run(context, Action.KEY_MANAGEMENT, Optional.empty(), trail -> rotation.rewrapBatch(batchSize));
    }

    /**
     * Re-wraps every data key in batches (one transaction and one audit event each) until none remains on an
     * older version, reporting each batch to {@code progress}; returns the total. Safe to interrupt and call again.
     */
    public KekRotation.Progress rewrapAll(RequestContext context, int batchSize,
                                         Consumer<KekRotation.Progress> progress) {
        checkBatch(batchSize);
        int total = 0;
        while (true) {
            KekRotation.Progress batch = rewrapBatch(context, batchSize);
            progress.accept(batch);
            total += batch.rewrapped();
            if (batch.done() || batch.rewrapped() == 0) {
                return new KekRotation.Progress(batch.primary(), total, batch.remaining());
            }
        }
    }

    /**
     * Retires a KEK version once no stored data key uses it. First checks and commits the permitted intent (a
     * refusal is audited as FAILED and changes nothing); then, in a second transaction, locks {@code subject_key}
     * against writes (SHARE ROW EXCLUSIVE: enrolments, re-wraps and erasures wait), counts again and retires the
     * version in the key provider while the lock is held, so no data key wrapped by that version can be stored
     * between the count and the retirement by a transaction that had not yet written it. The outcome is audited
     * after. Residual: a data key wrapped by the old version before it stopped being primary but stored only after
     * the retirement (a wrap delayed across rotation, re-wrap and retirement) would be unreadable.
     *
     * @throws KekVersionInUseException keys still wrapped by it (re-wrap first), or it is the primary version
     * @throws OperatorActionRequiredException no data key uses it any more, but the provider retires versions
     *     outside the application (Vault: raise the Transit key's {@code min_decryption_version} above it)
     */
    public void retire(RequestContext context, KekVersion version) {
        guard.runWithExternalEffect(context, Action.KEY_MANAGEMENT,
                trail -> {
                    checkRetirable(version);
                    if (repository.countWrappedBy(version) > 0) {
                        throw inUse(version);
                    }
                    return null;
                },
                trail -> {
                    repository.lockAgainstWrites();
                    try {
                        rotation.retire(version);
                    } catch (IllegalStateException e) {
                        throw inUse(version);
                    } catch (IllegalArgumentException e) {
                        throw notRetirable(version);
                    } catch (UnsupportedOperationException e) {
                        throw new OperatorActionRequiredException("no data key is wrapped by KEK " + version
                                + " any more; retiring it is an operator action in the key provider (Vault: raise the"
                                + " Transit key's min_decryption_version above " + version.number() + ")");
                    }
                    return null;
                });
    }

    private void checkRetirable(KekVersion version) {
        if (version.equals(kek.primaryVersion()) || !kek.activeVersions().contains(version)) {
            throw notRetirable(version);
        }
    }

    private static KekVersionInUseException inUse(KekVersion version) {
        return new KekVersionInUseException("data keys are still wrapped by KEK " + version + ": re-wrap first");
    }

    private static KekVersionInUseException notRetirable(KekVersion version) {
        return new KekVersionInUseException("KEK " + version + " is the primary version or unknown");
    }

    /** KEK versions in use and how many data keys each wraps. */
    public KeyStatus status(RequestContext context) {
        return guard.run(context, Action.KEY_MANAGEMENT, Optional.empty(),
                trail -> new KeyStatus(kek.primaryVersion(), kek.activeVersions(), repository.countByVersion()));
    }

    private static void checkBatch(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw ValidationException.of("batchSize", "must be between 1 and " + MAX_BATCH);
        }
    }
}
