package io.flipflop.query.member;

import io.flipflop.query.paging.SortBy;

/** The member listing's {@code sortBy} values (reference §2.3). */
public enum MemberSort implements SortBy {
    CREATED_AT_ASC,
    CREATED_AT_DESC,
    LAST_MODIFIED_AT_ASC,
    LAST_MODIFIED_AT_DESC,
    APP_USER_ID_ASC,
    APP_USER_ID_DESC
}
