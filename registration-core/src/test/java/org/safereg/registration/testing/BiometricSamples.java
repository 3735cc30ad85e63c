package org.safereg.registration.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.SharedFingerprints;
import org.safereg.matching.synthetic.SyntheticFinger;
import org.safereg.matching.synthetic.SyntheticFingerprintGenerator;
import org.safereg.registration.biometrics.FingerprintCapture;

/**
 * Fingerprint images for the biometric tests: deterministic synthetic prints (always available; PNG at 500 dpi,
 * cached per JVM because a master finger costs 0.1-0.3 s) and real FVC2002 DB1_B prints from the shared dev
 * sets (tests using them are skipped when the folder is absent). Synthetic prints serve the workflow, never
 * accuracy claims. Shared with the api tests (test-jar).
 */
public final class BiometricSamples {
    private static final SyntheticFingerprintGenerator GENERATOR = new SyntheticFingerprintGenerator(20261123L);
    private static final Map<Long, SyntheticFinger> MASTERS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> IMAGES = new ConcurrentHashMap<>();
    /** The positions of a pair: right and left index. */
    public static final FingerPosition[] TWO = {FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX};

    private BiometricSamples() {
    }

    /** PNG of impression {@code impression} (0, 1, ...) of synthetic master finger {@code finger}. */
    public static byte[] synthetic(long finger, int impression) {
        return IMAGES.computeIfAbsent("s" + finger + "/" + impression, k -> GENERATOR
                .impression(MASTERS.computeIfAbsent(finger, GENERATOR::finger), impression).toPng()).clone();
    }

    /** Right and left index captures: synthetic fingers {@code first} and {@code first + 1}, one impression. */
    public static List<FingerprintCapture> syntheticPair(long first, int impression) {
        return List.of(FingerprintCapture.of(TWO[0], synthetic(first, impression)),
                FingerprintCapture.of(TWO[1], synthetic(first + 1, impression)));
    }

    /** FVC2002 DB1_B image {@code <finger>_<impression>.tif} (fingers 101-110, impressions 1-8); skips if absent. */
    public static byte[] devSet(int finger, int impression) {
        return IMAGES.computeIfAbsent("d" + finger + "/" + impression, k -> SharedFingerprints.read(
                "dev-sets/FVC2002_DB1_B/" + finger + "_" + impression + ".tif")).clone();
    }

    /** Right and left index captures from two dev-set fingers, one impression. */
    public static List<FingerprintCapture> devSetPair(int firstFinger, int secondFinger, int impression) {
        List<FingerprintCapture> captures = new ArrayList<>();
        captures.add(FingerprintCapture.of(TWO[0], devSet(firstFinger, impression)));
        captures.add(FingerprintCapture.of(TWO[1], devSet(secondFinger, impression)));
        return captures;
    }
}
