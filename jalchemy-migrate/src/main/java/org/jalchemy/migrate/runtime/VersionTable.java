package org.jalchemy.migrate.runtime;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Row;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.schema.Inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table recording where a database is (Alembic's {@code alembic_version}): one row per current
 * head, column {@code version_num}. Beside it, {@code <name>_progress} records a revision that is
 * part-way through on a database whose DDL commits by itself (MySQL/MariaDB; and SQLite revisions
 * that rebuild a table): the ops already applied, with a digest of each, so a re-run skips exactly
 * those and refuses if one of them was edited since.
 *
 * <p>Every statement uses literal values: revision ids are validated as {@code [A-Za-z0-9_]+} and
 * digests are hexadecimal, so the same SQL serves offline scripts. Not thread-safe; used under the
 * migration lock.
 */
public final class VersionTable {
    private final Dialect dialect;
    private final String name;
    private final String schema;

    public VersionTable(Dialect dialect, String name, String schema) {
        this.dialect = dialect;
        this.name = name;
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    String qualified() {
        return (schema == null ? "" : dialect.quoteIdentifier(schema) + ".") + dialect.quoteIdentifier(name);
    }

    String progressQualified() {
        return (schema == null ? "" : dialect.quoteIdentifier(schema) + ".") + dialect.quoteIdentifier(name + "_progress");
    }

    public List<String> createStatements() {
        return List.of(
                "CREATE TABLE " + qualified() + " (\n\tversion_num VARCHAR(32) NOT NULL,\n\tCONSTRAINT "
                        + dialect.quoteIdentifier(name + "_pkc") + " PRIMARY KEY (version_num)\n)",
                "CREATE TABLE " + progressQualified() + " (\n\trevision VARCHAR(32) NOT NULL,\n\tdirection VARCHAR(10) NOT NULL,"
                        + "\n\tops_done INTEGER NOT NULL,\n\top_digests VARCHAR(4000) NOT NULL,\n\tCONSTRAINT "
                        + dialect.quoteIdentifier(name + "_progress_pkc") + " PRIMARY KEY (revision)\n)");
    }

    public boolean exists(Connection c) {
        return new Inspector(c).hasTable(name, schema);
    }

    /** Creates both tables when missing (the progress table alone too, for databases stamped by an older run). */
    public void ensure(Connection c) {
        Inspector insp = new Inspector(c);
        List<String> create = createStatements();
        if (!insp.hasTable(name, schema)) {
            c.execDriverSql(create.get(0));
        }
        if (!insp.hasTable(name + "_progress", schema)) {
            c.execDriverSql(create.get(1));
        }
    }

    /** The current heads; empty when the table does not exist. */
    public Set<String> heads(Connection c) {
        Set<String> out = new TreeSet<>();
        if (!exists(c)) {
            return out;
        }
        for (Row r : c.execDriverSql("SELECT version_num FROM " + qualified()).all()) {
            out.add(String.valueOf(r.get(0)));
        }
        return out;
    }

    /** The statements moving the rows from {@code from} to {@code to}: an UPDATE for a one-to-one move. */
    public List<String> moveStatements(Set<String> from, Set<String> to) {
        Set<String> removed = new TreeSet<>(from);
        removed.removeAll(to);
        Set<String> added = new TreeSet<>(to);
        added.removeAll(from);
        List<String> out = new ArrayList<>();
        if (removed.size() == 1 && added.size() == 1) {
            out.add("UPDATE " + qualified() + " SET version_num=" + lit(added.iterator().next())
                    + " WHERE version_num = " + lit(removed.iterator().next()));
            return out;
        }
        for (String r : removed) {
            out.add("DELETE FROM " + qualified() + " WHERE version_num = " + lit(r));
        }
        for (String a : added) {
            out.add("INSERT INTO " + qualified() + " (version_num) VALUES (" + lit(a) + ")");
        }
        return out;
    }

    public String purgeStatement() {
        return "DELETE FROM " + qualified();
    }

    /** A revision part-way through: {@code direction} up/down, the digests of the ops applied so far. */
    public record Progress(String revision, String direction, List<String> opDigests) {
        public int opsDone() {
            return opDigests.size();
        }
    }

    /** The revision in progress, or null. */
    public Progress progress(Connection c) {
        if (!new Inspector(c).hasTable(name + "_progress", schema)) {
            return null;
        }
        List<Row> rows = c.execDriverSql("SELECT revision, direction, op_digests FROM " + progressQualified()).all();
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1) {
            throw new MigrationError("The table " + name + "_progress records several revisions in progress; repair it by hand");
        }
        Row r = rows.get(0);
        String digests = String.valueOf(r.get(2));
        return new Progress(String.valueOf(r.get(0)), String.valueOf(r.get(1)),
                digests.isEmpty() ? List.of() : List.of(digests.split(",")));
    }

    public String saveProgressStatement(Progress p, boolean first) {
        String digests = String.join(",", p.opDigests());
        if (first) {
            return "INSERT INTO " + progressQualified() + " (revision, direction, ops_done, op_digests) VALUES ("
                    + lit(p.revision()) + ", " + lit(p.direction()) + ", " + p.opsDone() + ", " + lit(digests) + ")";
        }
        return "UPDATE " + progressQualified() + " SET ops_done=" + p.opsDone() + ", op_digests=" + lit(digests)
                + " WHERE revision = " + lit(p.revision());
    }

    public String clearProgressStatement() {
        return "DELETE FROM " + progressQualified();
    }

    private static String lit(String s) {
        if (!s.matches("[A-Za-z0-9_,]*")) {
            throw new MigrationError("Invalid revision id '" + s + "' (letters, digits and _ only)");
        }
        return "'" + s + "'";
    }
}
