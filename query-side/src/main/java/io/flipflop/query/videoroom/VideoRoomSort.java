package io.flipflop.query.videoroom;

import io.flipflop.query.paging.SortBy;

/** The video room listings' {@code sortBy} values (reference §2.3). */
public enum VideoRoomSort implements SortBy {
    CREATED_AT_ASC,
    CREATED_AT_DESC,
    LAST_MODIFIED_AT_ASC,
    LAST_MODIFIED_AT_DESC
}
