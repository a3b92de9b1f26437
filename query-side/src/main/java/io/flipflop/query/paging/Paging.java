package io.flipflop.query.paging;

import io.flipflop.api.paging.PageResponse;
import io.flipflop.platform.error.ApiException;
import java.util.List;

/**
 * One page request of a list endpoint (reference §2.3): a 0-based {@code page} and a {@code pageSize}.
 * Out-of-range values are clamped as Spring Data's resolver does (FlipFlop's pages are Spring Data pages),
 * rather than refused: the reference documents no error code for them.
 *
 * @param page 0-based page number, as the response's {@code number}
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record Paging(int page, int size) {

    /** Every example in the reference shows 10; no default is stated. */
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer pageSize) {
        int number = page == null || page < 0 ? 0 : page;
        int size = pageSize == null || pageSize < 1 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
        return new Paging(number, size);
    }

    /** The list's {@code sortBy} value, or {@code fallback} when none is given; anything else is refused. */
    public static <E extends Enum<E>> E sortBy(String value, Class<E> values, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(values, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_SORT_BY", "sortBy must be one of "
                    + List.of(values.getEnumConstants()) + ", was " + value);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** This page of a sorted listing of {@code totalElements} items (every listing here has a sort order). */
    public <T> PageResponse<T> toResponse(List<T> content, long totalElements) {
        int totalPages = (int) ((totalElements + size - 1) / size);
        PageResponse.Sort sort = new PageResponse.Sort(false, true, false);
        return new PageResponse<>(content, new PageResponse.Pageable(offset(), page, size, true, false, sort),
                totalPages, totalElements, content.size(), page, size, page == 0, page >= totalPages - 1,
                content.isEmpty(), sort);
    }
}
