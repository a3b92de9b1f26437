package io.flipflop.query.videopost;

import io.flipflop.query.paging.SortBy;

/** The video post listing's {@code sortBy} values (reference §2.3). */
public enum VideoPostSort implements SortBy {
    CREATED_AT_ASC,
    CREATED_AT_DESC,
    LAST_MODIFIED_AT_ASC,
    LAST_MODIFIED_AT_DESC
}
