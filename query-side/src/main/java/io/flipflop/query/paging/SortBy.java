package io.flipflop.query.paging;

import com.mongodb.client.model.Sorts;
import java.util.Locale;
import org.bson.conversions.Bson;

/**
 * A listing's {@code sortBy} value (reference §2.3), implemented by one enum per listing whose constants are the
 * values that listing allows (read with {@link Paging#sortBy}). A value names the document field it orders by and
 * the direction: {@code LAST_MODIFIED_AT_DESC} orders by {@code lastModifiedAt}, latest first, as the read
 * models name their fields after the API's.
 */
public interface SortBy {

    /** The enum constant's name, such as {@code CREATED_AT_ASC}. */
    String name();

    /** The field this order sorts by, which the index serving it on a real MongoDB ends with. */
    default String field() {
        String[] words = name().substring(0, name().lastIndexOf('_')).toLowerCase(Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    default boolean ascending() {
        if (name().endsWith("_ASC")) {
            return true;
        }
        if (name().endsWith("_DESC")) {
            return false;
        }
        throw new IllegalStateException(name() + " names no direction (_ASC or _DESC)");
    }

    /** Ties (items created in the same millisecond) are broken by {@code _id}, so pages never overlap. */
    default Bson toBson() {
        return ascending() ? Sorts.ascending(field(), "_id") : Sorts.descending(field(), "_id");
    }
}
