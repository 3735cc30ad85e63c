package org.safereg.privacy.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One dimension of a count table: a tree of codes whose root is the published total and whose inner nodes
 * are published subtotals (for example geography: Total &gt; admin1 P-code &gt; admin2 P-code). Every inner
 * node equals the sum of its children, and every node is published, so each inner node gives one
 * additivity equation per node of the other dimension.
 *
 * <p>Nodes are numbered in insertion order, the root being {@code 0}; a parent is always added before its
 * children. A dimension may be marked <em>sensitive</em> (for example population category or a
 * specific-needs flag): the group-disclosure rule then looks at how a row spreads over its categories.
 *
 * <p>Immutable and thread-safe. Building costs O(nodes); lookups are O(1).
 */
public final class Dimension {
    private final String name;
    private final boolean sensitive;
    private final List<String> codes;
    private final int[] parent;
    private final int[] depth;
    private final List<List<Integer>> children;
    private final Map<String, Integer> index;

    private Dimension(String name, boolean sensitive, List<String> codes, List<Integer> parents) {
        this.name = name;
        this.sensitive = sensitive;
        this.codes = List.copyOf(codes);
        int n = codes.size();
        this.parent = new int[n];
        this.depth = new int[n];
        List<List<Integer>> kids = new ArrayList<>(n);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            kids.add(new ArrayList<>());
            idx.put(codes.get(i), i);
            parent[i] = parents.get(i);
            if (i > 0) {
                kids.get(parent[i]).add(i);
                depth[i] = depth[parent[i]] + 1;
            }
        }
        List<List<Integer>> frozen = new ArrayList<>(n);
        for (List<Integer> k : kids) {
            frozen.add(List.copyOf(k));
        }
        this.children = Collections.unmodifiableList(frozen);
        this.index = Map.copyOf(idx);
    }

    /** A one-level dimension: a total over the given categories. */
    public static Dimension flat(String name, String totalCode, List<String> categories) {
        Builder b = builder(name, totalCode);
        for (String c : categories) {
            b.add(c, totalCode);
        }
        return b.build();
    }

    /** Starts a hierarchical dimension whose root (the grand total) has the given code. */
    public static Builder builder(String name, String totalCode) {
        return new Builder(name, totalCode);
    }

    public String name() {
        return name;
    }

    /** Whether the group-disclosure rule applies to this dimension's categories. */
    public boolean sensitive() {
        return sensitive;
    }

    /** A copy of this dimension marked sensitive. */
    public Dimension asSensitive() {
        List<Integer> parents = new ArrayList<>();
        for (int p : parent) {
            parents.add(p);
        }
        return new Dimension(name, true, codes, parents);
    }

    public int size() {
        return codes.size();
    }

    public String code(int node) {
        return codes.get(node);
    }

    /** The node with this code; throws {@link IllegalArgumentException} if there is none. */
    public int node(String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new IllegalArgumentException("no code " + code + " in dimension " + name);
        }
        return i;
    }

    /** The parent node, or {@code -1} for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** Distance from the root (0 for the total). */
    public int depth(int node) {
        return depth[node];
    }

    public List<Integer> children(int node) {
        return children.get(node);
    }

    public boolean isLeaf(int node) {
        return children.get(node).isEmpty();
    }

    /** Builds a {@link Dimension}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> codes = new LinkedHashMap<>();
        private final List<Integer> parents = new ArrayList<>();
        private boolean sensitive;

        private Builder(String name, String totalCode) {
            this.name = Objects.requireNonNull(name);
            codes.put(Objects.requireNonNull(totalCode), 0);
            parents.add(-1);
        }

        /** Adds a node under an existing parent code. */
        public Builder add(String code, String parentCode) {
            Integer p = codes.get(parentCode);
            if (p == null) {
                throw new IllegalArgumentException("parent " + parentCode + " not yet added to " + name);
            }
            if (codes.putIfAbsent(Objects.requireNonNull(code), codes.size()) != null) {
                throw new IllegalArgumentException("duplicate code " + code + " in " + name);
            }
            parents.add(p);
            return this;
        }

        /** Marks the dimension sensitive (see {@link Dimension#sensitive()}). */
        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        public Dimension build() {
            if (codes.size() < 2) {
                throw new IllegalStateException("dimension " + name + " needs at least one category");
            }
            return new Dimension(name, sensitive, new ArrayList<>(codes.keySet()), parents);
        }
    }
}
