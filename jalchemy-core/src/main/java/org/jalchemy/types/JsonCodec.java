package org.jalchemy.types;

/**
 * Turns Java values into JSON text and back, for {@link JsonType}. Implementations must be
 * thread-safe (one codec serves every connection). The default is {@link #jackson()} when
 * jackson-databind is on the class path; plug in any other library by implementing these two methods.
 */
public interface JsonCodec {

    /** JSON text for {@code value} (never null). */
    String encode(Object value);

    /** {@code json} read as a {@code type}. */
    <T> T decode(String json, Class<T> type);

    /** A codec over a shared Jackson {@code ObjectMapper} (requires jackson-databind). */
    static JsonCodec jackson() {
        return JacksonJsonCodec.INSTANCE;
    }

    /**
     * The default codec: Jackson. Raises {@link org.jalchemy.exc.ArgumentError} saying what to add when
     * jackson-databind is missing.
     */
    static JsonCodec defaultCodec() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, JsonCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new org.jalchemy.exc.ArgumentError("The JSON type needs a JsonCodec: add com.fasterxml.jackson.core:"
                    + "jackson-databind to the class path, or pass your own codec to SqlTypes.json(type, codec)", e);
        }
        return jackson();
    }
}
