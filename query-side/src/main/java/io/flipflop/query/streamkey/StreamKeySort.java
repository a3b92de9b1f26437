package io.flipflop.query.streamkey;

import io.flipflop.query.paging.SortBy;

/** The stream key listing's {@code sortBy} values (reference §2.3). */
public enum StreamKeySort implements SortBy {
    CREATED_AT_ASC,
    CREATED_AT_DESC,
    LAST_MODIFIED_AT_ASC,
    LAST_MODIFIED_AT_DESC
}
