package org.jalchemy.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link JsonCodec} on one shared Jackson {@link ObjectMapper} (thread-safe once configured). */
final class JacksonJsonCodec implements JsonCodec {
    static final JacksonJsonCodec INSTANCE = new JacksonJsonCodec(new ObjectMapper().findAndRegisterModules());

    private final ObjectMapper mapper;

    JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new org.jalchemy.exc.ArgumentError("Cannot encode a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T decode(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new org.jalchemy.exc.ArgumentError("Cannot decode JSON as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
