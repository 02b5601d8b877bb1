package org.jalchemy.benchmarks.jdbc;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.benchmarks.orm.OrmVariants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: plain JDBC on the same driver and connection properties as jalchemy, written the
 * way a careful programmer would (one prepared statement reused, typed getters, batches), on one
 * long-lived connection with autocommit off. Every other variant is measured as a ratio to these;
 * {@code handwritten} is the loaders' baseline (two queries, objects assembled by hand).
 */
public final class JdbcVariants {
    private JdbcVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "jdbc", JdbcVariants::largeResultsets),
                Variant.of(Workload.LARGE_RESULTSETS, "jdbc_rows", JdbcVariants::largeResultsetsRows),
                Variant.of(Workload.LARGE_RESULTSETS, "jdbc_objects", JdbcVariants::largeResultsetsObjects),
                Variant.of(Workload.BULK_INSERTS, "jdbc", JdbcVariants::bulkInserts),
                Variant.of(Workload.BULK_INSERTS, "jdbc_returning", JdbcVariants::bulkInsertsReturning),
                Variant.of(Workload.SINGLE_INSERTS, "jdbc", JdbcVariants::singleInserts),
                Variant.of(Workload.SHORT_SELECTS, "jdbc", JdbcVariants::shortSelects),
                Variant.of(Workload.SHORT_SELECTS, "jdbc_tx_per_lookup", JdbcVariants::shortSelectsTxPerLookup),
                Variant.of(Workload.SHORT_SELECTS, "jdbc_one", JdbcVariants::shortSelectsOne),
                Variant.of(Workload.LOADERS, "handwritten", JdbcVariants::loaders),
                Variant.of(Workload.LOADERS, "handwritten_per_parent", JdbcVariants::loadersPerParent),
                Variant.of(Workload.LOADERS, "handwritten_joined", JdbcVariants::loadersJoined));
    }

    static long largeResultsets(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM lr_customer");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += Checksums.row(rs.getInt(1), rs.getString(2), rs.getString(3));
            }
        }
        c.commit();
        return sum;
    }

    /**
     * The floor of Core's {@code Row}: every column read with {@code getObject} into an
     * {@code Object[]} per row, the rows kept in a list until the result is consumed, as a result
     * object that hands out rows must at least do.
     */
    static long largeResultsetsRows(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM lr_customer");
             ResultSet rs = ps.executeQuery()) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        c.commit();
        long sum = 0;
        for (Object[] row : rows) {
            sum += Checksums.row(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
        }
        return sum;
    }

    /**
     * The floor of {@code orm_full}: the entity objects (the ORM variant's own class) built by hand
     * from typed getters and kept in a list, the work any mapper must do without an identity map.
     */
    static long largeResultsetsObjects(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        List<OrmVariants.LrCustomer> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM lr_customer");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OrmVariants.LrCustomer o = new OrmVariants.LrCustomer();
                o.id = rs.getInt(1);
                o.name = rs.getString(2);
                o.description = rs.getString(3);
                all.add(o);
            }
        }
        c.commit();
        long sum = 0;
        for (OrmVariants.LrCustomer o : all) {
            sum += Checksums.row(o.id, o.name, o.description);
        }
        return sum;
    }

    static long bulkInserts(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bi_customer (name, description) VALUES (?, ?)")) {
            for (int i = 1; i <= n; i++) {
                ps.setString(1, Data.name(i));
                ps.setString(2, Data.description(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        return 0;
    }

    /** A new row's object, its key filled in from RETURNING. */
    static final class NewCustomer {
        Integer id;
        final String name;
        final String description;

        NewCustomer(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    /** Rows per multi-row INSERT in {@link #bulkInsertsReturning}: the ORM's page (1000 rows, at most 30,000 parameters). */
    static final int RETURNING_PAGE = 1000;

    /**
     * The floor of inserting new objects whose keys the database generates and the program needs
     * back (what {@code orm_flush_no_pk} does): multi-row {@code INSERT ... VALUES (?, ?), ... RETURNING id}
     * statements of {@value #RETURNING_PAGE} rows, each key set on its object in VALUES order (the
     * statements the ORM sends on all three databases). A JDBC batch cannot return the keys of a
     * batch on SQLite, and on MariaDB only row by row.
     */
    static long bulkInsertsReturning(BenchBackend b, int n) throws Exception {
        List<NewCustomer> objects = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            objects.add(new NewCustomer(Data.name(i), Data.description(i)));
        }
        Connection c = b.jdbc();
        PreparedStatement full = null;
        try {
            for (int from = 0; from < n; from += RETURNING_PAGE) {
                int rows = Math.min(RETURNING_PAGE, n - from);
                PreparedStatement ps;
                if (rows == RETURNING_PAGE) {
                    if (full == null) {
                        full = c.prepareStatement(multiRowInsert(rows));
                    }
                    ps = full;
                } else {
                    ps = c.prepareStatement(multiRowInsert(rows));
                }
                int k = 1;
                for (int i = from; i < from + rows; i++) {
                    ps.setString(k++, objects.get(i).name);
                    ps.setString(k++, objects.get(i).description);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int i = from;
                    while (rs.next()) {
                        objects.get(i++).id = rs.getInt(1);
                    }
                }
                if (ps != full) {
                    ps.close();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        c.commit();
        return objects.get(n - 1).id;
    }

    static String multiRowInsert(int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO bi_customer (name, description) VALUES ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        return sb.append(" RETURNING id").toString();
    }

    static long singleInserts(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO si_customer (name, description) VALUES (?, ?)")) {
            for (int i = 1; i <= n; i++) {
                ps.setString(1, Data.name(i));
                ps.setString(2, Data.description(i));
                ps.executeUpdate();
                c.commit();
            }
        }
        return 0;
    }

    static long shortSelects(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, description, q, p, x, y, z FROM ss_customer WHERE id = ?")) {
            for (int k = 0; k < n; k++) {
                ps.setInt(1, Data.shortSelectId(k));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum += Checksums.customer(rs.getInt(1), rs.getString(2), rs.getInt(4));
                }
            }
        }
        c.commit();
        return sum;
    }

    /**
     * The floor of Core's {@code .one()}: the {@code jdbc} loop, but every selected column read with
     * {@code getObject} into an {@code Object[]} (a {@code Row}'s values) and a second
     * {@code next()} that proves no other row follows, which {@code one()} promises to check.
     */
    static long shortSelectsOne(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, description, q, p, x, y, z FROM ss_customer WHERE id = ?")) {
            for (int k = 0; k < n; k++) {
                ps.setInt(1, Data.shortSelectId(k));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no row for id " + Data.shortSelectId(k));
                    }
                    int width = rs.getMetaData().getColumnCount();
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    if (rs.next()) {
                        throw new IllegalStateException("more than one row for id " + Data.shortSelectId(k));
                    }
                    sum += Checksums.customer(((Number) row[0]).longValue(), (String) row[1], ((Number) row[3]).longValue());
                }
            }
        }
        c.commit();
        return sum;
    }

    /**
     * short_selects with a transaction per lookup, as {@code orm_get} on a fresh session does: the
     * same reused statement, then a ROLLBACK (what closing a session that only read sends) after
     * each lookup. The reference of the {@code orm_get} target.
     */
    static long shortSelectsTxPerLookup(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, description, q, p, x, y, z FROM ss_customer WHERE id = ?")) {
            for (int k = 0; k < n; k++) {
                ps.setInt(1, Data.shortSelectId(k));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum += Checksums.customer(rs.getInt(1), rs.getString(2), rs.getInt(4));
                }
                c.rollback();
            }
        }
        return sum;
    }

    /** A parent as a hand-written loader builds it. */
    record Parent(int id, String name, List<Child> children) {
    }

    record Child(int id, int parentId, String name) {
    }

    /**
     * Parents in one query, then their children by IN lists of {@link Data#IN_CHUNK} ids (selectin by
     * hand: the SQL selectinload sends, children in no particular order, as the ORM leaves them).
     */
    static long loaders(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        List<Parent> parents = new ArrayList<>(n);
        Map<Integer, Parent> byId = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM ld_parent ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Parent p = new Parent(rs.getInt(1), rs.getString(2), new ArrayList<>());
                parents.add(p);
                byId.put(p.id(), p);
            }
        }
        int width = Math.min(Data.IN_CHUNK, parents.size());
        StringBuilder in = new StringBuilder("SELECT id, parent_id, name FROM ld_child WHERE parent_id IN (");
        for (int i = 0; i < width; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        in.append(")");
        try (PreparedStatement ps = c.prepareStatement(in.toString())) {
            for (int from = 0; from < parents.size(); from += width) {
                for (int i = 0; i < width; i++) {
                    // pad the last chunk by repeating its last id: one statement shape for every chunk
                    int at = Math.min(from + i, parents.size() - 1);
                    ps.setInt(i + 1, parents.get(at).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Child ch = new Child(rs.getInt(1), rs.getInt(2), rs.getString(3));
                        byId.get(ch.parentId()).children().add(ch);
                    }
                }
            }
        }
        c.commit();
        return checksum(parents);
    }

    /**
     * The N+1 pattern by hand, the reference of the {@code lazy} target: parents in one query, then
     * one {@code SELECT ... WHERE parent_id = ?} per parent on a reused statement.
     */
    static long loadersPerParent(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        List<Parent> parents = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM ld_parent ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parents.add(new Parent(rs.getInt(1), rs.getString(2), new ArrayList<>()));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, name FROM ld_child WHERE parent_id = ?")) {
            for (Parent p : parents) {
                ps.setInt(1, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        p.children().add(new Child(rs.getInt(1), rs.getInt(2), rs.getString(3)));
                    }
                }
            }
        }
        c.commit();
        return checksum(parents);
    }

    /** The query joined eager loading sends (parents with their children, one row per child). */
    static final String JOINED_SQL = "SELECT ld_parent.id, ld_parent.name, ld_parent_children.id AS id_1, "
            + "ld_parent_children.parent_id, ld_parent_children.name AS name_1 FROM ld_parent LEFT OUTER JOIN ld_child "
            + "AS ld_parent_children ON ld_parent.id = ld_parent_children.parent_id ORDER BY ld_parent.id";

    /**
     * Joined eager loading by hand, the floor of {@code joined}: the one statement
     * {@code joinedload} sends (parents LEFT OUTER JOIN children, ordered by parent), each row's
     * parent recognised by its key (a new parent starts when the key changes), children assembled
     * from the extra columns. Its rows repeat the parent's columns for every child.
     */
    static long loadersJoined(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        List<Parent> parents = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(JOINED_SQL);
             ResultSet rs = ps.executeQuery()) {
            Parent current = null;
            while (rs.next()) {
                int id = rs.getInt(1);
                if (current == null || current.id() != id) {
                    current = new Parent(id, rs.getString(2), new ArrayList<>());
                    parents.add(current);
                }
                int childId = rs.getInt(3);
                if (!rs.wasNull()) {
                    current.children().add(new Child(childId, rs.getInt(4), rs.getString(5)));
                }
            }
        }
        c.commit();
        return checksum(parents);
    }

    static long checksum(List<Parent> parents) {
        long sum = 0;
        for (Parent p : parents) {
            sum += Checksums.named(p.id(), p.name());
            for (Child ch : p.children()) {
                sum += Checksums.named(ch.id(), ch.name());
            }
        }
        return sum;
    }
}
