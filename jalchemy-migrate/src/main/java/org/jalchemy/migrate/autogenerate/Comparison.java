package org.jalchemy.migrate.autogenerate;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.autogenerate.AutogenerateOptions.ObjectType;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.schema.CheckConstraint;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Constraint;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Table;
import org.jalchemy.schema.UniqueConstraint;
import org.jalchemy.types.EnumValues;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison of the models with the database (Alembic's {@code compare} module): reflects each
 * table once, matches tables, columns, constraints and indexes, and sorts the resulting ops into
 * buckets whose concatenation runs in order and whose reverse undoes it (enum types first, foreign
 * keys dropped before and added after every table change, tables dropped last).
 *
 * <p>Matching rules: tables and columns by name (exact, else case-insensitive); indexes, unique and
 * check constraints by name, unnamed model uniques and foreign keys by their columns (the database
 * named them); a changed index or foreign key becomes drop + create. Constraints the database makes
 * by itself are not reported: MariaDB's index behind each foreign key and unique constraint,
 * SQLite's {@code sqlite_autoindex_*}, the CHECKs behind non-native enums, booleans and MariaDB's
 * JSON columns. A primary key over other columns is dropped and added again (Alembic does not
 * compare primary keys at all).
 *
 * <p>Single use; not thread-safe.
 */
final class Comparison {
    private final MetaData target;
    private final Inspector inspector;
    private final Dialect dialect;
    private final AutogenerateOptions options;
    private final Defs defs;
    private final boolean mysql;
    private final boolean comments;

    private final List<MigrateOp> enumCreates = new ArrayList<>();
    private final List<MigrateOp> fkDrops = new ArrayList<>();
    private final List<MigrateOp> tableCreates = new ArrayList<>();
    private final List<MigrateOp> tableChanges = new ArrayList<>();
    private final List<MigrateOp> fkAdds = new ArrayList<>();
    private final List<MigrateOp> tableDrops = new ArrayList<>();
    private final List<MigrateOp> enumDrops = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Autogenerate.RenameHint> renames = new ArrayList<>();

    Comparison(MetaData target, Inspector inspector, Dialect dialect, AutogenerateOptions options) {
        this.target = target;
        this.inspector = inspector;
        this.dialect = dialect;
        this.options = options;
        this.defs = new Defs(dialect);
        this.mysql = dialect.name().equals("mysql") || dialect.name().equals("mariadb");
        this.comments = !dialect.name().equals("sqlite");
    }

    Autogenerate.Diff run() {
        Set<String> ignored = new HashSet<>();
        for (String t : options.ignoredTables()) {
            ignored.add(t.toLowerCase(Locale.ROOT));
        }
        List<String> dbTables = new ArrayList<>();
        for (String t : inspector.getTableNames(null)) {
            if (!ignored.contains(t.toLowerCase(Locale.ROOT)) && includeName(t, ObjectType.TABLE, Map.of())) {
                dbTables.add(t);
            }
        }
        Map<Table, String> matched = new LinkedHashMap<>();
        List<Table> created = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Table t : target.sortedTables()) {
            if (t.schema() != null || !includeName(t.name(), ObjectType.TABLE, Map.of())) {
                continue;
            }
            String db = match(t.name(), dbTables);
            if (db != null) {
                seen.add(db);
                if (includeObject(t, t.name(), ObjectType.TABLE, false, db)) {
                    matched.put(t, db);
                }
            } else if (includeObject(t, t.name(), ObjectType.TABLE, false, null)) {
                created.add(t);
            }
        }
        List<String> toReflect = new ArrayList<>();
        for (String db : dbTables) {
            boolean dropped = !seen.contains(db);
            if (!dropped || includeObject(db, db, ObjectType.TABLE, true, null)) {
                toReflect.add(db);
            }
        }
        Map<String, ReflectedTable> reflected = new LinkedHashMap<>();
        inspector.getTables(toReflect, null).forEach((name, t) -> reflected.put(name, ReflectedTable.of(t)));
        List<String> droppedTables = new ArrayList<>();
        for (String db : reflected.keySet()) {
            if (!seen.contains(db)) {
                droppedTables.add(db);
            }
        }
        compareEnums(matched, created, reflected, droppedTables);
        createTables(created);
        for (Map.Entry<Table, String> e : matched.entrySet()) {
            compareTable(e.getKey(), e.getValue(), reflected.get(e.getValue()));
        }
        dropTables(droppedTables, reflected);
        tableRenameHints(created, droppedTables, reflected);

        List<MigrateOp> ops = new ArrayList<>();
        ops.addAll(enumCreates);
        ops.addAll(fkDrops);
        ops.addAll(tableCreates);
        ops.addAll(tableChanges);
        ops.addAll(fkAdds);
        ops.addAll(tableDrops);
        ops.addAll(enumDrops);
        return new Autogenerate.Diff(List.copyOf(ops), List.copyOf(warnings), List.copyOf(renames));
    }

    // ------------------------------------------------------------------ filters

    private boolean includeName(String name, ObjectType type, Map<String, String> parents) {
        return options.nameFilter().include(name, type, parents);
    }

    private boolean includeObject(Object object, String name, ObjectType type, boolean reflected, Object compareTo) {
        return options.objectFilter().include(object, name, type, reflected, compareTo);
    }

    private boolean included(Object object, String name, ObjectType type, boolean reflected, Object compareTo, String table) {
        return includeName(name, type, Map.of("table_name", table)) && includeObject(object, name, type, reflected, compareTo);
    }

    private static String match(String name, List<String> candidates) {
        if (candidates.contains(name)) {
            return name;
        }
        String found = null;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ enum types (PostgreSQL)

    private void compareEnums(Map<Table, String> matched, List<Table> created, Map<String, ReflectedTable> reflected,
                              List<String> droppedTables) {
        if (!dialect.name().equals("postgresql")) {
            return;
        }
        Map<String, List<String>> model = new LinkedHashMap<>();
        List<Table> tables = new ArrayList<>(matched.keySet());
        tables.addAll(created);
        for (Table t : tables) {
            for (Column<?> c : t.columns()) {
                if (Equivalence.unwrap(c.type()) instanceof EnumValues e) {
                    model.putIfAbsent(e.name(), e.values());
                }
            }
        }
        Map<String, List<String>> db = new LinkedHashMap<>();
        for (ReflectedTable r : reflected.values()) {
            for (Reflected.Column c : r.columns()) {
                if (c.type() instanceof EnumValues e) {
                    db.putIfAbsent(e.name(), e.values());
                }
            }
        }
        for (Map.Entry<String, List<String>> e : model.entrySet()) {
            List<String> existing = db.get(e.getKey());
            if (existing == null) {
                enumCreates.add(new MigrateOp.CreateEnumType(null, e.getKey(), e.getValue()));
                continue;
            }
            List<String> wanted = e.getValue();
            for (int i = 0; i < wanted.size(); i++) {
                String v = wanted.get(i);
                if (!existing.contains(v)) {
                    String after = i > 0 ? wanted.get(i - 1) : null;
                    String before = i == 0 && !existing.isEmpty() ? existing.get(0) : null;
                    boolean last = i == wanted.size() - 1 || wanted.subList(i + 1, wanted.size()).stream().noneMatch(existing::contains);
                    enumCreates.add(new MigrateOp.AddEnumValue(null, e.getKey(), v, before, last ? null : after));
                }
            }
            for (String v : existing) {
                if (!wanted.contains(v)) {
                    warnings.add("enum type " + e.getKey() + " has value '" + v + "' in the database that the models dropped;"
                            + " PostgreSQL cannot drop an enum value: migrate the rows and recreate the type by hand");
                }
            }
        }
        for (Map.Entry<String, List<String>> e : db.entrySet()) {
            if (!model.containsKey(e.getKey())) {
                enumDrops.add(new MigrateOp.DropEnumType(null, e.getKey(), e.getValue()));
            }
        }
    }

    // ------------------------------------------------------------------ new and dropped tables

    private void createTables(List<Table> created) {
        Set<String> made = new HashSet<>();
        Set<String> pending = new HashSet<>();
        for (Table t : created) {
            pending.add(t.name());
        }
        for (Table t : created) {
            List<ForeignKeyConstraint> deferred = new ArrayList<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                String ref = fk.referredTableName();
                ref = ref.substring(ref.lastIndexOf('.') + 1);
                if (!ref.equals(t.name()) && pending.contains(ref) && !made.contains(ref)) {
                    deferred.add(fk);
                }
            }
            List<Index> indexes = new ArrayList<>();
            for (Index ix : t.indexes()) {
                if (included(ix, ix.name(), ObjectType.INDEX, false, null, t.name())) {
                    indexes.add(ix);
                }
            }
            tableCreates.add(new MigrateOp.CreateTable(defs.table(t, deferred, indexes)));
            for (ForeignKeyConstraint fk : deferred) {
                fkAdds.add(new MigrateOp.AddConstraint(null, t.name(), defs.constraint(fk), false));
            }
            made.add(t.name());
        }
    }

    private void dropTables(List<String> dropped, Map<String, ReflectedTable> reflected) {
        // a table referring to another dropped table goes first
        List<String> order = new ArrayList<>();
        Set<String> left = new java.util.LinkedHashSet<>(dropped);
        while (!left.isEmpty()) {
            String next = null;
            for (String t : left) {
                boolean referenced = false;
                for (String other : left) {
                    if (!other.equals(t) && reflected.get(other).foreignKeys().stream()
                            .anyMatch(fk -> fk.referredTable().equalsIgnoreCase(t))) {
                        referenced = true;
                        break;
                    }
                }
                if (!referenced) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = left.iterator().next();
            }
            order.add(next);
            left.remove(next);
        }
        for (String t : order) {
            ReflectedTable r = reflected.get(t);
            TableDef def = defs.table(null, t, r);
            List<TableElement> elements = new ArrayList<>(def.elements());
            for (Reflected.Index ix : cleanIndexes(r)) {
                if (ix.columns().stream().allMatch(Objects::nonNull)) {
                    elements.add(new IndexDef(ix.name(), null, null, ix.columns(), ix.unique(), false));
                }
            }
            tableDrops.add(new MigrateOp.DropTable(null, t, new TableDef(null, t, elements, def.comment())));
        }
    }

    private void tableRenameHints(List<Table> created, List<String> dropped, Map<String, ReflectedTable> reflected) {
        for (String old : dropped) {
            Set<String> oldCols = new HashSet<>();
            for (Reflected.Column c : reflected.get(old).columns()) {
                oldCols.add(c.name().toLowerCase(Locale.ROOT));
            }
            for (Table t : created) {
                Set<String> newCols = new HashSet<>();
                for (Column<?> c : t.columns()) {
                    newCols.add(c.name().toLowerCase(Locale.ROOT));
                }
                if (newCols.equals(oldCols)) {
                    renames.add(new Autogenerate.RenameHint(null, old, t.name()));
                    warnings.add("table " + old + " dropped and table " + t.name() + " added with the same columns:"
                            + " if it is a rename, use op.renameTable(\"" + old + "\", \"" + t.name() + "\") (see the script's comment)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ one table on both sides

    private void compareTable(Table m, String name, ReflectedTable r) {
        List<ColumnDef> added = new ArrayList<>();
        List<MigrateOp> adds = new ArrayList<>();
        List<MigrateOp> alters = new ArrayList<>();
        List<MigrateOp> drops = new ArrayList<>();
        Set<String> modelColumns = new HashSet<>();
        List<String> pk = r.primaryKey() == null ? List.of() : r.primaryKey().columns();
        for (Column<?> c : m.columns()) {
            modelColumns.add(c.name().toLowerCase(Locale.ROOT));
            Reflected.Column rc = r.column(c.name());
            if (!includeName(c.name(), ObjectType.COLUMN, Map.of("table_name", name))) {
                continue;
            }
            if (rc == null) {
                if (includeObject(c, c.name(), ObjectType.COLUMN, false, null)) {
                    ColumnDef def = defs.column(c);
                    added.add(def);
                    adds.add(new MigrateOp.AddColumn(null, name, def));
                }
            } else if (includeObject(c, c.name(), ObjectType.COLUMN, false, rc)) {
                MigrateOp alter = alter(name, c, rc);
                if (alter != null) {
                    alters.add(alter);
                }
            }
        }
        for (Reflected.Column rc : r.columns()) {
            if (modelColumns.contains(rc.name().toLowerCase(Locale.ROOT))
                    || !included(rc, rc.name(), ObjectType.COLUMN, true, null, name)) {
                continue;
            }
            ColumnDef existing = defs.column(rc, pk.size() == 1 && pk.contains(rc.name()));
            drops.add(new MigrateOp.DropColumn(null, name, rc.name(), existing));
            for (ColumnDef a : added) {
                if (Equivalence.ddl(a.type(), dialect).equals(Equivalence.ddl(rc.type(), dialect))) {
                    renames.add(new Autogenerate.RenameHint(name, rc.name(), a.name()));
                    warnings.add("column " + name + "." + rc.name() + " dropped and " + name + "." + a.name()
                            + " added with the same type: if it is a rename, use op.alterColumn(\"" + name + "\", \""
                            + rc.name() + "\", c -> c.newName(\"" + a.name() + "\")) (see the script's comment)");
                }
            }
        }
        List<MigrateOp> constraintDrops = new ArrayList<>();
        List<MigrateOp> constraintAdds = new ArrayList<>();
        comparePrimaryKey(m, name, r, constraintDrops, constraintAdds);
        compareIndexesAndUniques(m, name, r, constraintDrops, constraintAdds);
        compareChecks(m, name, r, constraintDrops, constraintAdds);
        compareForeignKeys(m, name, r);
        if (comments) {
            String was = emptyToNull(r.comment());
            String want = emptyToNull(m.comment());
            if (!Objects.equals(was, want)) {
                alters.add(new MigrateOp.SetTableComment(null, name, want, was));
            }
        }
        tableChanges.addAll(constraintDrops);
        tableChanges.addAll(adds);
        tableChanges.addAll(alters);
        tableChanges.addAll(constraintAdds);
        tableChanges.addAll(drops);
    }

    /** A primary key over other columns: dropped and added again (the database's name kept where it has one). */
    private void comparePrimaryKey(Table m, String table, ReflectedTable r, List<MigrateOp> drops, List<MigrateOp> adds) {
        List<String> want = m.primaryKey() == null ? List.of() : m.primaryKey().columnNames();
        List<String> have = r.primaryKey() == null ? List.of() : r.primaryKey().columns();
        if (want.isEmpty() || have.isEmpty() || sameColumns(want, have)) {
            return;
        }
        String haveName = r.primaryKey().name();
        if (haveName == null && dialect.name().equals("postgresql")) {
            haveName = table + "_pkey";
        }
        String wantName = dialect.ddlCompiler().constraintName(m.primaryKey(), false);
        if (wantName == null && dialect.name().equals("postgresql")) {
            wantName = table + "_pkey";
        }
        warnings.add("primary key of " + table + " changes from " + have + " to " + want
                + ": foreign keys referring to the old key must be dropped first");
        drops.add(new MigrateOp.DropConstraint(null, table, haveName, ConstraintDef.Kind.PRIMARY,
                new ConstraintDef.PrimaryKey(haveName, have)));
        adds.add(new MigrateOp.AddConstraint(null, table, new ConstraintDef.PrimaryKey(wantName, want), false));
    }

    private MigrateOp alter(String table, Column<?> c, Reflected.Column rc) {
        SqlType<?> newType = null;
        if (options.compareType() && Equivalence.typesDiffer(rc, c, dialect, options)) {
            newType = c.type();
        }
        Boolean nullable = c.isNullable() != rc.nullable() ? c.isNullable() : null;
        boolean autoinc = rc.autoincrement() || c.isAutoincrement();
        boolean changesDefault = options.compareServerDefault() && !autoinc
                && Equivalence.defaultsDiffer(rc.defaultSql(), c.serverDefault());
        String existingComment = emptyToNull(rc.comment());
        boolean changesComment = comments && !Objects.equals(existingComment, emptyToNull(c.comment()));
        if (newType == null && nullable == null && !changesDefault && !changesComment) {
            return null;
        }
        SqlType<?> existingType = rc.type() instanceof org.jalchemy.types.NullType ? c.type() : rc.type();
        String existingDefault = Equivalence.normalizeDefault(rc.defaultSql()) == null || autoinc ? null : rc.defaultSql();
        return new MigrateOp.AlterColumn(null, table, rc.name(), newType, nullable, changesDefault,
                changesDefault ? c.serverDefault() : null, changesComment, changesComment ? emptyToNull(c.comment()) : null,
                null, null, existingType, rc.nullable(), existingDefault, existingComment, rc.autoincrement());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ indexes and unique constraints

    /** The reflected indexes that are the user's: not the ones backing a unique constraint or (MariaDB) a foreign key. */
    private List<Reflected.Index> cleanIndexes(ReflectedTable r) {
        Set<String> uniqueNames = new HashSet<>();
        for (Reflected.Unique u : r.uniques()) {
            if (u.name() != null) {
                uniqueNames.add(u.name());
            }
        }
        List<Reflected.Index> out = new ArrayList<>();
        for (Reflected.Index ix : r.indexes()) {
            if (ix.name() != null && (ix.name().startsWith("sqlite_autoindex_") || uniqueNames.contains(ix.name()))) {
                continue;
            }
            if (r.primaryKey() != null && r.primaryKey().name() != null && r.primaryKey().name().equals(ix.name())) {
                continue;
            }
            out.add(ix);
        }
        return out;
    }

    private void compareIndexesAndUniques(Table m, String table, ReflectedTable r, List<MigrateOp> drops, List<MigrateOp> adds) {
        List<Reflected.Index> dbIndexes = new ArrayList<>(cleanIndexes(r));
        List<Reflected.Unique> dbUniques = new ArrayList<>(r.uniques());
        Set<String> modelFkNames = new HashSet<>();
        for (ForeignKeyConstraint fk : m.foreignKeys()) {
            String n = defs.constraint(fk).name();
            if (n != null) {
                modelFkNames.add(n);
            }
        }
        for (Index ix : m.indexes()) {
            IndexDef want = defs.index(ix);
            if (!included(ix, want.name(), ObjectType.INDEX, false, null, table)) {
                continue;
            }
            Reflected.Index have = takeIndex(dbIndexes, want.name());
            if (have == null && want.isUnique()) {
                Reflected.Unique u = takeUnique(dbUniques, want.name(), null);
                if (u != null) {
                    if (!sameColumns(u.columns(), want.elements())) {
                        drops.add(new MigrateOp.DropConstraint(null, table, u.name(), ConstraintDef.Kind.UNIQUE,
                                new ConstraintDef.Unique(u.name(), u.columns())));
                        adds.add(new MigrateOp.CreateIndex(want));
                    }
                    continue;
                }
            }
            if (have == null) {
                adds.add(new MigrateOp.CreateIndex(want));
            } else if (have.columns().stream().allMatch(Objects::nonNull) && want.elements().stream().noneMatch(e -> e.startsWith(IndexDef.EXPR))
                    && (have.unique() != want.isUnique() || !sameColumns(have.columns(), want.elements()))) {
                drops.add(new MigrateOp.DropIndex(null, table, have.name(), false, defs.index(null, table, have)));
                adds.add(new MigrateOp.CreateIndex(want));
            }
        }
        for (Constraint c : m.constraints()) {
            if (!(c instanceof UniqueConstraint u)) {
                continue;
            }
            ConstraintDef.Unique want = (ConstraintDef.Unique) defs.constraint(u);
            String label = want.name() != null ? want.name() : table + "(" + String.join(", ", want.columns()) + ")";
            if (!included(u, label, ObjectType.UNIQUE_CONSTRAINT, false, null, table)) {
                continue;
            }
            Reflected.Unique have = takeUnique(dbUniques, want.name(), want.columns());
            if (have == null) {
                Reflected.Index ix = want.name() != null ? takeIndex(dbIndexes, want.name()) : null;
                if (ix == null) {
                    ix = takeUniqueIndexByColumns(dbIndexes, want.columns());
                }
                if (ix != null && ix.unique() && sameColumns(ix.columns(), want.columns())) {
                    continue;
                }
                if (ix != null) {
                    drops.add(new MigrateOp.DropIndex(null, table, ix.name(), false, defs.index(null, table, ix)));
                }
                adds.add(new MigrateOp.AddConstraint(null, table, want, false));
            } else if (!sameColumns(have.columns(), want.columns())) {
                drops.add(new MigrateOp.DropConstraint(null, table, have.name(), ConstraintDef.Kind.UNIQUE,
                        new ConstraintDef.Unique(have.name(), have.columns())));
                adds.add(new MigrateOp.AddConstraint(null, table, want, false));
            }
        }
        for (Reflected.Unique u : dbUniques) {
            if (u.name() != null && included(u, u.name(), ObjectType.UNIQUE_CONSTRAINT, true, null, table)) {
                drops.add(new MigrateOp.DropConstraint(null, table, u.name(), ConstraintDef.Kind.UNIQUE,
                        new ConstraintDef.Unique(u.name(), u.columns())));
            }
        }
        for (Reflected.Index ix : dbIndexes) {
            if (ix.name() == null) {
                continue;
            }
            if (mysql && !ix.unique() && (modelFkNames.contains(ix.name()) || backsForeignKey(ix, r))) {
                continue;
            }
            if (included(ix, ix.name(), ObjectType.INDEX, true, null, table)) {
                drops.add(new MigrateOp.DropIndex(null, table, ix.name(), false, defs.index(null, table, ix)));
            }
        }
    }

    /** MariaDB creates an index for each foreign key that has none, named as the constraint. */
    private static boolean backsForeignKey(Reflected.Index ix, ReflectedTable r) {
        for (Reflected.ForeignKey fk : r.foreignKeys()) {
            if (ix.name().equals(fk.name()) || sameColumns(ix.columns(), fk.columns())) {
                return true;
            }
        }
        return false;
    }

    private static Reflected.Index takeIndex(List<Reflected.Index> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (name != null && name.equalsIgnoreCase(list.get(i).name())) {
                return list.remove(i);
            }
        }
        return null;
    }

    private static Reflected.Index takeUniqueIndexByColumns(List<Reflected.Index> list, List<String> columns) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).unique() && sameColumns(list.get(i).columns(), columns)) {
                return list.remove(i);
            }
        }
        return null;
    }

    /** By name when {@code name} is given, else (the database named it) by columns. */
    private static Reflected.Unique takeUnique(List<Reflected.Unique> list, String name, List<String> columns) {
        for (int i = 0; i < list.size(); i++) {
            Reflected.Unique u = list.get(i);
            if (name != null ? name.equalsIgnoreCase(u.name()) : columns != null && sameColumns(u.columns(), columns)) {
                return list.remove(i);
            }
        }
        return null;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) == null || !a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ check constraints

    /** A CHECK the database or jalchemy's DDL made for a type: enum IN lists, MariaDB's json_valid, boolean 0/1. */
    static boolean generatedCheck(Reflected.Check ck) {
        String s = ck.sqltext().toLowerCase(Locale.ROOT);
        return s.contains("json_valid") || s.matches("(?s).*\\bin\\s*\\(.*") && ck.name() == null
                || s.matches("(?s)\\(?\\s*[`\"]?\\w+[`\"]?\\s+in\\s*\\(\\s*0\\s*,\\s*1\\s*\\)\\s*\\)?");
    }

    private void compareChecks(Table m, String table, ReflectedTable r, List<MigrateOp> drops, List<MigrateOp> adds) {
        Set<String> enumChecks = new HashSet<>();
        for (Column<?> c : m.columns()) {
            if (Equivalence.unwrap(c.type()) instanceof EnumValues e && e.name() != null) {
                enumChecks.add(e.name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Reflected.Check> have = new HashMap<>();
        for (Reflected.Check ck : r.checks()) {
            if (ck.name() != null && !generatedCheck(ck)) {
                have.put(ck.name().toLowerCase(Locale.ROOT), ck);
            }
        }
        for (Constraint c : m.constraints()) {
            if (!(c instanceof CheckConstraint ck)) {
                continue;
            }
            ConstraintDef want = defs.constraint(ck);
            if (want.name() == null || !included(ck, want.name(), ObjectType.CHECK_CONSTRAINT, false, null, table)) {
                continue;
            }
            if (have.remove(want.name().toLowerCase(Locale.ROOT)) == null) {
                adds.add(new MigrateOp.AddConstraint(null, table, want, false));
            }
        }
        for (Reflected.Check ck : have.values()) {
            boolean typeCheck = enumChecks.contains(ck.name().toLowerCase(Locale.ROOT))
                    || ck.sqltext().toLowerCase(Locale.ROOT).matches("(?s).*\\bin\\s*\\(.*") && looksLikeTypeCheck(m, ck);
            if (!typeCheck && included(ck, ck.name(), ObjectType.CHECK_CONSTRAINT, true, null, table)) {
                drops.add(new MigrateOp.DropConstraint(null, table, ck.name(), ConstraintDef.Kind.CHECK,
                        new ConstraintDef.Check(ck.name(), ck.sqltext())));
            }
        }
    }

    /** A named check over one column holding an IN list of that column's enum or boolean values. */
    private static boolean looksLikeTypeCheck(Table m, Reflected.Check ck) {
        for (Column<?> c : m.columns()) {
            SqlType<?> t = Equivalence.unwrap(c.type());
            if ((t instanceof EnumValues || t instanceof org.jalchemy.types.BooleanType)
                    && ck.sqltext().toLowerCase(Locale.ROOT).contains(c.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ foreign keys

    private void compareForeignKeys(Table m, String table, ReflectedTable r) {
        List<Reflected.ForeignKey> db = new ArrayList<>(r.foreignKeys());
        for (ForeignKeyConstraint fk : m.foreignKeys()) {
            ConstraintDef.ForeignKey want = (ConstraintDef.ForeignKey) defs.constraint(fk);
            String label = want.name() != null ? want.name() : table + "(" + String.join(", ", want.columns()) + ")";
            if (!included(fk, label, ObjectType.FOREIGN_KEY_CONSTRAINT, false, null, table)) {
                continue;
            }
            Reflected.ForeignKey have = takeForeignKey(db, want);
            if (have == null) {
                fkAdds.add(new MigrateOp.AddConstraint(null, table, want, false));
            } else if (!Objects.equals(Equivalence.action(have.onDelete()), Equivalence.action(want.onDelete()))
                    || !Objects.equals(Equivalence.action(have.onUpdate()), Equivalence.action(want.onUpdate()))
                    || (want.name() != null && have.name() != null && !want.name().equalsIgnoreCase(have.name()))) {
                fkDrops.add(new MigrateOp.DropConstraint(null, table, have.name(), ConstraintDef.Kind.FOREIGNKEY, defs.foreignKey(have)));
                fkAdds.add(new MigrateOp.AddConstraint(null, table, want, false));
            }
        }
        for (Reflected.ForeignKey fk : db) {
            String label = fk.name() != null ? fk.name() : table + "(" + String.join(", ", fk.columns()) + ")";
            if (!included(fk, label, ObjectType.FOREIGN_KEY_CONSTRAINT, true, null, table)) {
                continue;
            }
            if (fk.name() == null) {
                warnings.add("foreign key " + label + " -> " + fk.referredTable() + " is not in the models but has no name"
                        + " in the database, so it cannot be dropped by ALTER; drop it with batchAlterTable");
                continue;
            }
            fkDrops.add(new MigrateOp.DropConstraint(null, table, fk.name(), ConstraintDef.Kind.FOREIGNKEY, defs.foreignKey(fk)));
        }
    }

    /** The database's key with the same columns and target (and name, when both have one). */
    private static Reflected.ForeignKey takeForeignKey(List<Reflected.ForeignKey> list, ConstraintDef.ForeignKey want) {
        for (int i = 0; i < list.size(); i++) {
            Reflected.ForeignKey fk = list.get(i);
            if (sameColumns(fk.columns(), want.columns()) && fk.referredTable().equalsIgnoreCase(want.referredTable())
                    && sameColumns(fk.referredColumns(), want.referredColumns())) {
                return list.remove(i);
            }
        }
        return null;
    }
}
