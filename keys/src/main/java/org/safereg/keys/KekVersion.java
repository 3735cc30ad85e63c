package org.safereg.keys;

/** Version number of a key-encryption key (1, 2, ...). The highest non-retired version is primary. */
public record KekVersion(int number) implements Comparable<KekVersion> {
    public KekVersion {
        if (number < 1) {
            throw new IllegalArgumentException("KEK versions start at 1");
        }
    }

    @Override
    public int compareTo(KekVersion other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "v" + number;
    }
}
