package io.flipflop.query.paging;

import io.flipflop.platform.error.ApiException;
import java.util.List;

/** Reading list filters from query strings. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * An enum filter; null when not given. An unknown value is refused with {@code errorCode} naming the parameter,
     * as {@code INVALID_SORT_BY} does, rather than read as "any": a typo must not silently list everything.
     */
    public static <E extends Enum<E>> E enumValue(String given, Class<E> values, String errorCode,
                                                  String parameter) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(values, given);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(errorCode, parameter + " must be one of "
                    + List.of(values.getEnumConstants()) + ", was " + given);
        }
    }
}
