package org.safereg.privacy.statistics.extract;

import java.util.List;
import java.util.Optional;

/**
 * A k-anonymous extract: the input records in their input order with generalised and possibly suppressed
 * quasi-identifier values, the attributes untouched, and the {@link RiskReport}. Immutable and thread-safe.
 */
public final class AnonymisedMicrodata {
    private final Microdata input;
    private final int[] published;
    private final List<Integer> levels;
    private final RiskReport report;

    AnonymisedMicrodata(Microdata input, int[] published, List<Integer> levels, RiskReport report) {
        this.input = input;
        this.published = published;
        this.levels = List.copyOf(levels);
        this.report = report;
    }

    public List<String> quasiIdentifierNames() {
        return input.quasiIdentifiers().stream().map(QuasiIdentifier::name).toList();
    }

    public List<String> attributeNames() {
        return input.attributeNames();
    }

    public int size() {
        return input.size();
    }

    /** The published code of quasi-identifier {@code qi} in {@code record}; empty when suppressed. */
    public Optional<String> value(int record, int qi) {
        int node = published[record * input.quasiIdentifiers().size() + qi];
        return node == KeySpace.SUPPRESSED
                ? Optional.empty()
                : Optional.of(input.quasiIdentifiers().get(qi).hierarchy().code(node));
    }

    /** The attribute values of {@code record}, as given. */
    public List<String> attributes(int record) {
        return input.attributes(record);
    }

    /** The generalisation level applied to each quasi-identifier. */
    public List<Integer> levels() {
        return levels;
    }

    public RiskReport report() {
        return report;
    }
}
