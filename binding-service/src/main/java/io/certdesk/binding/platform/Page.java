package io.certdesk.binding.platform;

import java.util.List;

/** One page of a listing, with the total count so clients can page through it. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
