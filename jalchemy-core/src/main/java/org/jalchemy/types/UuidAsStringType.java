package org.jalchemy.types;

import java.util.UUID;

/** UUID stored as its 36-character text form: the implementation of {@link UuidType} where there is no native UUID. */
public final class UuidAsStringType extends TypeDecorator<UUID, String> {
    public static final UuidAsStringType INSTANCE = new UuidAsStringType();

    private UuidAsStringType() {
        super(new StringType(36));
    }

    @Override
    public Class<UUID> javaType() {
        return UUID.class;
    }

    @Override
    protected String processBind(UUID value) {
        return value.toString();
    }

    @Override
    protected UUID processResult(String value) {
        return UUID.fromString(value.trim());
    }

    @Override
    public UUID coerce(Object value) {
        return value instanceof String s ? UUID.fromString(s) : super.coerce(value);
    }
}
