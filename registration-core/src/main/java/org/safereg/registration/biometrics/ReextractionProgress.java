package org.safereg.registration.biometrics;

/**
 * Progress of the template re-extraction job.
 *
 * @param sourceafisVersion the version templates are rebuilt with (the running one)
 * @param reextracted fingers rebuilt so far in this run
 * @param failed fingers whose stored image could not be re-extracted in this run (they keep their old template)
 * @param remaining fingers still stored with a template of another version (failed ones included)
 * @param done true when this run has visited every stale finger
 */
public record ReextractionProgress(String sourceafisVersion, int reextracted, int failed, long remaining,
                                   boolean done) {
}
