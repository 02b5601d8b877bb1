package org.jalchemy.migrate.autogenerate;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Reflected;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Hooks and switches of a comparison: Alembic's {@code include_name}, {@code include_object},
 * {@code compare_type} (with a callable) and {@code compare_server_default}. Immutable: every
 * wither returns a new instance, so one instance can be shared by the CLI, the Maven goals and tests.
 *
 * <p>Names are filtered before reflection ({@link NameFilter}: cheap, the only way to keep
 * autogenerate away from tables it must not reflect); objects after it ({@link ObjectFilter}: sees
 * the model object or the reflected record). An object excluded by either is neither added,
 * dropped nor altered.
 */
public final class AutogenerateOptions {
    /** What kind of object a hook is asked about; Alembic's {@code type_} strings. */
    public enum ObjectType { TABLE, COLUMN, INDEX, UNIQUE_CONSTRAINT, FOREIGN_KEY_CONSTRAINT, CHECK_CONSTRAINT }

    /**
     * Alembic's {@code include_name(name, type_, parent_names)}: asked for every name seen in the
     * database or the models before anything is reflected. {@code parentNames} holds
     * {@code table_name} for objects inside a table.
     */
    @FunctionalInterface
    public interface NameFilter {
        boolean include(String name, ObjectType type, Map<String, String> parentNames);
    }

    /**
     * Alembic's {@code include_object(object, name, type_, reflected, compare_to)}. {@code object} is
     * the model's ({@code Table}, {@code Column}, {@code Index}, {@code Constraint}) or, when
     * {@code reflected} is true, the database's ({@code Reflected.*} record, or the table name for
     * a table only in the database); {@code compareTo} the counterpart on the other side, or null.
     */
    @FunctionalInterface
    public interface ObjectFilter {
        boolean include(Object object, String name, ObjectType type, boolean reflected, Object compareTo);
    }

    /**
     * Alembic's {@code compare_type} callable: true when the types differ, false when they are the
     * same, null to let the dialect's default comparison decide.
     */
    @FunctionalInterface
    public interface TypeComparator {
        Boolean differ(Reflected.Column inspected, Column<?> model, Dialect dialect);
    }

    private final NameFilter nameFilter;
    private final ObjectFilter objectFilter;
    private final boolean compareType;
    private final TypeComparator typeComparator;
    private final boolean compareServerDefault;
    private final Set<String> ignoredTables;

    private AutogenerateOptions(NameFilter nameFilter, ObjectFilter objectFilter, boolean compareType,
                                TypeComparator typeComparator, boolean compareServerDefault, Set<String> ignoredTables) {
        this.nameFilter = nameFilter;
        this.objectFilter = objectFilter;
        this.compareType = compareType;
        this.typeComparator = typeComparator;
        this.compareServerDefault = compareServerDefault;
        this.ignoredTables = Set.copyOf(ignoredTables);
    }

    /** Types and server defaults compared, everything included. */
    public static AutogenerateOptions defaults() {
        return new AutogenerateOptions((n, t, p) -> true, (o, n, t, r, c) -> true, true, null, true, Set.of());
    }

    public AutogenerateOptions includeName(NameFilter filter) {
        return new AutogenerateOptions(Objects.requireNonNull(filter), objectFilter, compareType, typeComparator,
                compareServerDefault, ignoredTables);
    }

    public AutogenerateOptions includeObject(ObjectFilter filter) {
        return new AutogenerateOptions(nameFilter, Objects.requireNonNull(filter), compareType, typeComparator,
                compareServerDefault, ignoredTables);
    }

    /** Whether column types are compared at all (default true). */
    public AutogenerateOptions compareType(boolean value) {
        return new AutogenerateOptions(nameFilter, objectFilter, value, typeComparator, compareServerDefault, ignoredTables);
    }

    /** A comparison consulted before the dialect's own; implies {@code compareType(true)}. */
    public AutogenerateOptions compareType(TypeComparator comparator) {
        return new AutogenerateOptions(nameFilter, objectFilter, true, comparator, compareServerDefault, ignoredTables);
    }

    /** Whether server defaults are compared (default true; normalised per dialect, see {@code ServerDefaults}). */
    public AutogenerateOptions compareServerDefault(boolean value) {
        return new AutogenerateOptions(nameFilter, objectFilter, compareType, typeComparator, value, ignoredTables);
    }

    /** Tables never compared (the migration tool's own: version, progress and lock tables). */
    public AutogenerateOptions ignoreTables(String... names) {
        Set<String> all = new HashSet<>(ignoredTables);
        all.addAll(Set.of(names));
        return new AutogenerateOptions(nameFilter, objectFilter, compareType, typeComparator, compareServerDefault, all);
    }

    /** The name filter in force (to chain another in front of it). */
    public NameFilter nameFilter() {
        return nameFilter;
    }

    ObjectFilter objectFilter() {
        return objectFilter;
    }

    boolean compareType() {
        return compareType;
    }

    TypeComparator typeComparator() {
        return typeComparator;
    }

    boolean compareServerDefault() {
        return compareServerDefault;
    }

    Set<String> ignoredTables() {
        return ignoredTables;
    }
}
