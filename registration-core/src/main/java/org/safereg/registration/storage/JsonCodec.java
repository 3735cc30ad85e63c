package org.safereg.registration.storage;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plaintext encoding of encrypted field groups: compact JSON (Jackson), records in component order, so equal
 * values encode identically. Unknown properties are errors (a stored value never has any). Thread-safe.
 */
public final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonCodec() {
    }

    public static byte[] encode(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String encodeToString(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T decode(byte[] json, TypeReference<T> type) {
        return MAPPER.readValue(json, type);
    }
}
