package io.flipflop.query.videoroom;

import static io.flipflop.query.videoroom.VideoRoomDocuments.CREATED_AT;
import static io.flipflop.query.videoroom.VideoRoomDocuments.LAST_MODIFIED_AT;

import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/** The video room listings' {@code sortBy} values (reference §2.3). */
public enum VideoRoomSort {
    CREATED_AT_ASC(CREATED_AT, true),
    CREATED_AT_DESC(CREATED_AT, false),
    LAST_MODIFIED_AT_ASC(LAST_MODIFIED_AT, true),
    LAST_MODIFIED_AT_DESC(LAST_MODIFIED_AT, false);

    private final String field;
    private final boolean ascending;

    VideoRoomSort(String field, boolean ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /** Ties (rooms created in the same millisecond) are broken by {@code _id}, so pages never overlap. */
    Bson toBson() {
        return ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
    }

    /** The field this order sorts by, which the index serving it on a real MongoDB ends with. */
    String field() {
        return field;
    }
}
