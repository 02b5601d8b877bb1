package org.jalchemy.dialect.oracle;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.engine.URL;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Oracle Database (12c and later), compile-level: SQL strings are produced and tested without a
 * server (no driver ships with jalchemy). URL: {@code oracle://user:pw@host:1521/service}.
 *
 * <p>Hazards: no boolean expressions as values (predicates only, booleans are NUMBER(1));
 * unquoted identifiers fold to upper case; table aliases take no {@code AS}; a SELECT needs
 * {@code FROM DUAL}; RETURNING needs OUT parameters ({@code RETURNING ... INTO}).
 */
public class OracleDialect extends Dialect {
    private static final Set<String> RESERVED;

    static {
        Set<String> s = new HashSet<>(ReservedWords.SQL_STANDARD);
        s.addAll(Set.of("access", "audit", "cluster", "comment", "compress", "exclusive", "file", "identified",
                "increment", "index", "initial", "level", "lock", "long", "maxextents", "minus", "mode", "modify",
                "noaudit", "nocompress", "nowait", "number", "offline", "online", "pctfree", "prior", "raw",
                "rename", "resource", "row", "rowid", "rownum", "rows", "session", "share", "size", "successful",
                "synonym", "sysdate", "uid", "validate", "varchar2", "view"));
        RESERVED = Set.copyOf(s);
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public boolean nullsSortHigh() {
        return true;
    }

    @Override
    public String driverName() {
        return "ojdbc";
    }

    @Override
    public ConnectSpec connectSpec(URL url) {
        DriverNames.checkDriver(url, Set.of("ojdbc", "oracledb", "jdbc"), "ojdbc");
        String db = url.database() == null ? "" : url.database();
        return new ConnectSpec("oracle.jdbc.OracleDriver",
                "jdbc:oracle:thin:@//" + DriverNames.hostPort(url, 1521) + "/" + db, DriverNames.properties(url, Map.of()));
    }

    @Override
    public int maxIdentifierLength() {
        return 128;
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsMultiValuesInsert() {
        return false;
    }

    @Override
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new OracleCompiler(this);
    }
}
