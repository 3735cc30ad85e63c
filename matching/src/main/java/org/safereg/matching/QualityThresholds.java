package org.safereg.matching;

/**
 * Quality gate thresholds applied after decoding and after template extraction. Immutable.
 * <p>
 * The defaults were chosen from measurements on real captures (FVC2002 DB1_B, pyfnprint, the NIST card
 * and SourceAFIS samples); see docs/biometrics.md, section "Quality gate", for the figures. Every real
 * capture in those sets passes the defaults; they reject blank, black and fragmentary captures.
 */
public final class QualityThresholds {
	private final int minMinutiae;
	private final double minUsableAreaMm2;
	private final double blankMaxStdDev;
	private final double maxDarkFraction;
	private final double blockMinStdDev;
	private final double blockMinCoherence;

	private QualityThresholds(int minMinutiae, double minUsableAreaMm2, double blankMaxStdDev, double maxDarkFraction, double blockMinStdDev, double blockMinCoherence) {
		if (minMinutiae < 0 || minUsableAreaMm2 < 0 || blankMaxStdDev < 0 || maxDarkFraction <= 0 || maxDarkFraction > 1 || blockMinStdDev < 0 || blockMinCoherence < 0 || blockMinCoherence > 1)
			throw new IllegalArgumentException("Inconsistent quality thresholds");
		this.minMinutiae = minMinutiae;
		this.minUsableAreaMm2 = minUsableAreaMm2;
		this.blankMaxStdDev = blankMaxStdDev;
		this.maxDarkFraction = maxDarkFraction;
		this.blockMinStdDev = blockMinStdDev;
		this.blockMinCoherence = blockMinCoherence;
	}

	/** Measured defaults, see the class comment. */
	public static QualityThresholds defaults() {
		return new QualityThresholds(12, 50, 6, 0.6, 12, 0.3);
	}

	/** Thresholds that accept anything decodable (for imports of legacy data and for measurements). */
	public static QualityThresholds permissive() {
		return new QualityThresholds(0, 0, 0, 1, 12, 0.3);
	}

	/** Minimum number of minutiae in the extracted template ({@link RejectionReason#TOO_FEW_MINUTIAE}). */
	public int minMinutiae() { return minMinutiae; }
	/** Minimum usable (ridge) area in mm² ({@link RejectionReason#TOO_SMALL_AREA}). */
	public double minUsableAreaMm2() { return minUsableAreaMm2; }
	/** Images whose gray-level standard deviation is at most this are blank ({@link RejectionReason#BLANK_IMAGE}). */
	public double blankMaxStdDev() { return blankMaxStdDev; }
	/** Maximum fraction of near-black pixels (gray &lt; 16) ({@link RejectionReason#SATURATED_IMAGE}). */
	public double maxDarkFraction() { return maxDarkFraction; }
	/** A block counts as usable ridge area when its gray-level standard deviation is at least this. */
	public double blockMinStdDev() { return blockMinStdDev; }

	/** A block counts as usable only if its ridge orientation coherence (0 to 1) is at least this. */
	public double blockMinCoherence() { return blockMinCoherence; }
	public QualityThresholds withBlockMinCoherence(double v) { return new QualityThresholds(minMinutiae, minUsableAreaMm2, blankMaxStdDev, maxDarkFraction, blockMinStdDev, v); }

	public QualityThresholds withMinMinutiae(int v) { return new QualityThresholds(v, minUsableAreaMm2, blankMaxStdDev, maxDarkFraction, blockMinStdDev, blockMinCoherence); }
	public QualityThresholds withMinUsableAreaMm2(double v) { return new QualityThresholds(minMinutiae, v, blankMaxStdDev, maxDarkFraction, blockMinStdDev, blockMinCoherence); }
	public QualityThresholds withBlankMaxStdDev(double v) { return new QualityThresholds(minMinutiae, minUsableAreaMm2, v, maxDarkFraction, blockMinStdDev, blockMinCoherence); }
	public QualityThresholds withMaxDarkFraction(double v) { return new QualityThresholds(minMinutiae, minUsableAreaMm2, blankMaxStdDev, v, blockMinStdDev, blockMinCoherence); }
	public QualityThresholds withBlockMinStdDev(double v) { return new QualityThresholds(minMinutiae, minUsableAreaMm2, blankMaxStdDev, maxDarkFraction, v, blockMinCoherence); }

	@Override
	public String toString() {
		return "QualityThresholds[minMinutiae=" + minMinutiae + ", minUsableAreaMm2=" + minUsableAreaMm2 + ", blankMaxStdDev=" + blankMaxStdDev
				+ ", maxDarkFraction=" + maxDarkFraction + ", blockMinStdDev=" + blockMinStdDev + ", blockMinCoherence=" + blockMinCoherence + "]";
	}
}
