package org.safereg.matching;

/**
 * Quality measurements of one capture. Cheap to compute (one pass over the pixels plus the minutiae count
 * of the template). Values are NaN or -1 when not measured (imported templates have no image).
 *
 * @param meanGray
 *            mean gray level 0 (black) to 255 (white)
 * @param stdDevGray
 *            standard deviation of gray levels over the whole image
 * @param darkFraction
 *            fraction of pixels darker than 16
 * @param usableAreaMm2
 *            area of blocks with ridge contrast, in mm² at the capture DPI
 * @param usableFraction
 *            usable area as a fraction of the image
 * @param minutiae
 *            number of minutiae in the template, or -1
 */
public record QualityReport(double meanGray, double stdDevGray, double darkFraction, double usableAreaMm2, double usableFraction, int minutiae) {
	static QualityReport ofTemplateOnly(int minutiae) {
		return new QualityReport(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, minutiae);
	}

	QualityReport withMinutiae(int count) {
		return new QualityReport(meanGray, stdDevGray, darkFraction, usableAreaMm2, usableFraction, count);
	}
}
