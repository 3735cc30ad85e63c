package org.safereg.registration;

import java.util.List;

/** One page of results, in a stable order, with the total number of matching items. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
