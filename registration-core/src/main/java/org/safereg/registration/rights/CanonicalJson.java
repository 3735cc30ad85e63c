package org.safereg.registration.rights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of signed documents: objects with their keys in ascending order, no insignificant
 * whitespace, UTF-8, every character outside printable ASCII escaped as {@code \}{@code uXXXX}, and only strings,
 * integers, booleans, arrays and objects. A receipt whose values are ASCII (ids, timestamps, names of
 * categories) is byte for byte what {@code jq -cjS} prints, so it can be checked with standard tools. Used by
 * the erasure receipts and the statistical release manifests. Thread-safe.
 */
public final class CanonicalJson {
    static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private CanonicalJson() {
    }

    /** The canonical bytes of a tree of maps (any order), lists, strings, integers and booleans. */
    public static byte[] encode(Map<String, ?> tree) {
        return MAPPER.writeValueAsString(sorted(tree)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical bytes of a parsed JSON object.
     *
     * @throws IllegalArgumentException the value holds a number that is not an integer, or a null
     */
    public static byte[] encode(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("a JSON object is expected");
        }
        return MAPPER.writeValueAsString(plain(object)).getBytes(StandardCharsets.UTF_8);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put((String) k, sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CanonicalJson::sorted).toList();
        }
        return value;
    }

    /**
     * Parses a JSON document written by {@link #encode} (or any JSON text).
     *
     * @throws tools.jackson.core.JacksonException not JSON
     */
    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.values().forEach(v -> out.add(plain(v)));
            return out;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        throw new IllegalArgumentException("only strings, integers, booleans, arrays and objects are signed");
    }
}
