package org.jalchemy.orm.mapping;

import java.util.List;

/**
 * Hand-written stand-ins for processor output, named as the processor names it, for
 * {@code MapperTest}: one accessor whose fields no longer match the mapper (a stale class) and one
 * that matches.
 */
final class GeneratedAccessShapes {
    private GeneratedAccessShapes() {
    }
}

/** Stale: one field name differs from {@code MapperTest.Shared}'s. */
final class MapperTest_StaleShape_ {
    private MapperTest_StaleShape_() {
    }

    public static final class Access extends ShapeAccess {
        public Access() {
            super(List.of("id", "plain", "nativeForm", "renamed"));
        }
    }
}

/** Matching {@code MapperTest.Shared}'s fields. */
final class MapperTest_GoodShape_ {
    private MapperTest_GoodShape_() {
    }

    public static final class Access extends ShapeAccess {
        public Access() {
            super(List.of("id", "plain", "nativeForm", "varcharForm"));
        }
    }
}

/** An accessor that only names fields; the lookup never calls the rest. */
abstract class ShapeAccess implements FieldAccess<Object> {
    private final List<String> fields;

    ShapeAccess(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public List<String> fields() {
        return fields;
    }

    @Override
    public List<String> relationships() {
        return List.of();
    }

    @Override
    public Object newInstance() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setAll(Object object, Object[] values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object get(Object object, int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void set(Object object, int index, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getRelationship(Object object, int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRelationship(Object object, int index, Object value) {
        throw new UnsupportedOperationException();
    }
}
