package io.flipflop.query.transcoding;

import io.flipflop.query.paging.SortBy;

/** The transcoding profile listing's {@code sortBy} values (reference §2.3). */
public enum TranscodingProfileSort implements SortBy {
    CREATED_AT_ASC,
    CREATED_AT_DESC,
    LAST_MODIFIED_AT_ASC,
    LAST_MODIFIED_AT_DESC
}
