package io.flipflop.query.member;

import static io.flipflop.query.member.MemberDocuments.APP_USER_ID;
import static io.flipflop.query.member.MemberDocuments.CREATED_AT;
import static io.flipflop.query.member.MemberDocuments.LAST_MODIFIED_AT;

import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/** The member listing's {@code sortBy} values (reference §2.3). */
public enum MemberSort {
    CREATED_AT_ASC(CREATED_AT, true),
    CREATED_AT_DESC(CREATED_AT, false),
    LAST_MODIFIED_AT_ASC(LAST_MODIFIED_AT, true),
    LAST_MODIFIED_AT_DESC(LAST_MODIFIED_AT, false),
    APP_USER_ID_ASC(APP_USER_ID, true),
    APP_USER_ID_DESC(APP_USER_ID, false);

    private final String field;
    private final boolean ascending;

    MemberSort(String field, boolean ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /** Ties (members created in the same millisecond) are broken by {@code _id}, so pages never overlap. */
    Bson toBson() {
        return ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    /** The field this order sorts by, which the index serving it on a real MongoDB ends with. */
    String field() {
        return field;
    }
}
