package io.certdesk.keystore.platform;

import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters every list takes: {@code page} is 0-based and capped so that its offset always fits,
 * {@code size} is 1-200 (default 50), {@code sort} is {@code field,-field} from the list's documented fields.
 */
public class PageRequest {

    /** The last page a list may ask for; with at most 200 items per page its offset still fits in an int. */
    public static final int MAX_PAGE = 10_000_000;
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "0-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1-200")
    public int size;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, each optionally prefixed with '-' for descending; "
            + "the fields a list accepts are in its description (x-sort-fields)", example = "-createdAt,id")
    public String sort;

    public int offset() {
        return page * size;
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }

    /**
     * This page of a short list held in memory, in its own fixed order (lists bounded by design, e.g. a checklist);
     * such a list cannot be sorted, so a sort parameter is refused rather than ignored.
     */
    public <T> Page<T> slice(List<T> all) {
        if (sort != null && !sort.isBlank()) {
            throw DomainException.invalid("sort", "this list has a fixed order and cannot be sorted");
        }
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    /**
     * The requested order as a Panache sort over {@code fields} (API name to entity path), or {@code fallback}
     * when none was asked for. The entity's id ({@code idPath}) always ends the order, so pages never overlap.
     */
    public Sort sort(Map<String, String> fields, String fallback, String idPath) {
        String asked = sort == null || sort.isBlank() ? fallback : sort;
        Sort result = null;
        Set<String> seen = new HashSet<>();
        Set<String> paths = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String token : asked.split(",", -1)) {
            String t = token.strip();
            boolean descending = t.startsWith("-");
            String name = descending ? t.substring(1) : t;
            String path = fields.get(name);
            if (path == null || !seen.add(name)) {
                unknown.add(t);
                continue;
            }
            paths.add(path);
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(path, direction) : result.and(path, direction);
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("sort", "cannot sort by " + Ids.shown(String.join(",", unknown))
                    + "; this list sorts by " + String.join(", ", new TreeSet<>(fields.keySet())) + " (prefix '-' for descending)");
        }
        if (!paths.contains(idPath)) {
            result = result.and(idPath, Sort.Direction.Ascending);
        }
        return result;
    }
}
