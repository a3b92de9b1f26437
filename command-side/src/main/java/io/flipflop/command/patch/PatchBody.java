package io.flipflop.command.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.platform.error.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A PATCH body read as JSON, because a field that is absent keeps its value while a field that is
 * {@code null} clears it (reference §5.4), which a record cannot tell apart. An absent body ({@code null})
 * changes nothing, like {@code {}}; unknown fields are ignored.
 */
public final class PatchBody {

    private final JsonNode body;

    private PatchBody(JsonNode body) {
        this.body = body;
    }

    public static PatchBody of(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new PatchBody(null);
        }
        if (!body.isObject()) {
            throw invalid("The body must be a JSON object");
        }
        return new PatchBody(body);
    }

    /** The fields the body names, present with a value or with {@code null}. */
    public <F extends Enum<F>> Set<F> present(Class<F> type, Map<String, F> fieldsByName) {
        if (body == null) {
            return Set.of();
        }
        Set<F> fields = EnumSet.noneOf(type);
        fieldsByName.forEach((name, field) -> {
            if (body.has(name)) {
                fields.add(field);
            }
        });
        return Collections.unmodifiableSet(fields);
    }

    /** The text of a scalar field; {@code null} when it is absent or {@code null}. */
    public String text(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid(name + " must be a string");
        }
        return value.asText();
    }

    /**
     * An object of strings; scalars become their text, as Jackson does for the {@code Map<String, String>}
     * of the create and login bodies.
     */
    public Map<String, String> strings(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(name + " must be an object of strings");
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (var item : value.properties()) {
            JsonNode itemValue = item.getValue();
            if (!itemValue.isValueNode()) {
                throw invalid(name + " values must be strings");
            }
            items.put(item.getKey(), itemValue.isNull() ? null : itemValue.asText());
        }
        return items;
    }

    /** An array of strings; {@code null} when it is absent or {@code null}. */
    public List<String> texts(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(name + " must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(name + " must be an array of strings");
            }
            items.add(item.asText());
        }
        return items;
    }

    /** A number field; {@code null} when it is absent or {@code null}. */
    public Long number(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong()) {
            throw invalid(name + " must be a number");
        }
        return value.asLong();
    }

    /** The 400 of a body that cannot be read. */
    public static ApiException invalid(String message) {
        return ApiException.badRequest("INVALID_HTTP_MESSAGE_BODY", message);
    }

    private JsonNode field(String name) {
        return body == null ? null : body.get(name);
    }
}
