package org.safereg.registration;

/**
 * Which page of a list: zero-based {@code page} of {@code size} items (1..500).
 */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw ValidationException.of("page", "must be zero or positive");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
