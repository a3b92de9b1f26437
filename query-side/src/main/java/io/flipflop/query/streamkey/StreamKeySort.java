package io.flipflop.query.streamkey;

import static io.flipflop.query.streamkey.StreamKeyDocuments.CREATED_AT;
import static io.flipflop.query.streamkey.StreamKeyDocuments.LAST_MODIFIED_AT;

import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/** The stream key listing's {@code sortBy} values (reference §2.3). */
public enum StreamKeySort {
    CREATED_AT_ASC(CREATED_AT, true),
    CREATED_AT_DESC(CREATED_AT, false),
    LAST_MODIFIED_AT_ASC(LAST_MODIFIED_AT, true),
    LAST_MODIFIED_AT_DESC(LAST_MODIFIED_AT, false);

    private final String field;
    private final boolean ascending;

    StreamKeySort(String field, boolean ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /** Ties (keys created in the same millisecond) are broken by {@code _id}, so pages never overlap. */
    Bson toBson() {
        return ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    /** The field this order sorts by, which the index serving it on a real MongoDB ends with. */
    String field() {
        return field;
    }
}
