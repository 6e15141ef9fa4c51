package io.certdesk.keystore.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with the total count so clients can page through it; the shape of every list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
