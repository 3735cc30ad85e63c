package org.safereg.privacy.statistics.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Records to extract, before treatment: per record one code of each {@link QuasiIdentifier}'s hierarchy
 * (usually a leaf; an inner node is allowed and counts as already generalised; explicit "unknown" categories
 * belong in the hierarchy, there are no missing values on input) and the values of the other fields
 * (attributes such as the recipient pseudonym), carried through untouched. Record order is kept.
 *
 * <p>Immutable and thread-safe once built. Memory: one {@code int} per quasi-identifier value and a reference
 * per attribute value.
 */
public final class Microdata {
    private final List<QuasiIdentifier> quasiIdentifiers;
    private final List<String> attributeNames;
    private final int[] nodes;
    private final List<List<String>> attributes;

    private Microdata(Builder b) {
        this.quasiIdentifiers = b.quasiIdentifiers;
        this.attributeNames = b.attributeNames;
        this.nodes = Arrays.copyOf(b.nodes, b.size * quasiIdentifiers.size());
        this.attributes = List.copyOf(b.attributes);
    }

    /**
     * Starts a data set with these quasi-identifiers and attribute fields (all names distinct; at least one
     * quasi-identifier).
     */
    public static Builder builder(List<QuasiIdentifier> quasiIdentifiers, List<String> attributeNames) {
        return new Builder(quasiIdentifiers, attributeNames);
    }

    public List<QuasiIdentifier> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    public List<String> attributeNames() {
        return attributeNames;
    }

    public int size() {
        return attributes.size();
    }

    /** The hierarchy node of quasi-identifier {@code qi} in {@code record}. */
    int node(int record, int qi) {
        return nodes[record * quasiIdentifiers.size() + qi];
    }

    List<String> attributes(int record) {
        return attributes.get(record);
    }

    /** Collects records; not thread-safe. */
    public static final class Builder {
        private final List<QuasiIdentifier> quasiIdentifiers;
        private final List<String> attributeNames;
        private int[] nodes = new int[64];
        private int size;
        private final List<List<String>> attributes = new ArrayList<>();

        private Builder(List<QuasiIdentifier> quasiIdentifiers, List<String> attributeNames) {
            this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
            this.attributeNames = List.copyOf(attributeNames);
            if (this.quasiIdentifiers.isEmpty()) {
                throw new IllegalArgumentException("an extract needs at least one quasi-identifier");
            }
            Set<String> names = new HashSet<>();
            for (QuasiIdentifier qi : this.quasiIdentifiers) {
                if (!names.add(qi.name())) {
                    throw new IllegalArgumentException("duplicate field " + qi.name());
                }
            }
            for (String name : this.attributeNames) {
                if (!names.add(name)) {
                    throw new IllegalArgumentException("duplicate field " + name);
                }
            }
        }

        /**
         * Adds a record: {@code codes.get(i)} is a code of quasi-identifier {@code i}'s hierarchy,
         * {@code values.get(j)} the value of attribute {@code j} (not null). Throws
         * {@link IllegalArgumentException} for a code outside its hierarchy.
         */
        public Builder add(List<String> codes, List<String> values) {
            int q = quasiIdentifiers.size();
            if (codes.size() != q || values.size() != attributeNames.size()) {
                throw new IllegalArgumentException("a record has " + q + " quasi-identifiers and "
                        + attributeNames.size() + " attributes");
            }
            List<String> copy = List.copyOf(values);
            if (nodes.length < (size + 1) * q) {
                nodes = Arrays.copyOf(nodes, Math.max(nodes.length * 2, (size + 1) * q));
            }
            for (int i = 0; i < q; i++) {
                nodes[size * q + i] = node(quasiIdentifiers.get(i), codes.get(i));
            }
            attributes.add(copy);
            size++;
            return this;
        }

        /** The node of {@code code}; the message names the field, never the value (it may be personal). */
        private static int node(QuasiIdentifier qi, String code) {
            Objects.requireNonNull(code, qi.name());
            try {
                return qi.hierarchy().node(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a value of " + qi.name() + " is not in its hierarchy");
            }
        }

        public Microdata build() {
            return new Microdata(this);
        }
    }
}
