package io.flipflop.api.paging;

import java.util.List;

/** FlipFlop's Spring-Data-style page (reference §2.3); {@code number} is 0-based as the docs say. */
public record PageResponse<T>(List<T> content, Pageable pageable, int totalPages, long totalElements,
                              int numberOfElements, int number, int size, boolean first, boolean last,
                              boolean empty, Sort sort) {

    public record Pageable(long offset, int pageNumber, int pageSize, boolean paged, boolean unpaged, Sort sort) {
    }

    public record Sort(boolean empty, boolean sorted, boolean unsorted) {
    }
}
