package org.jalchemy.dialect.mssql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.engine.URL;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft SQL Server (2017 and later), compile-level: SQL strings are produced and tested
 * without a server. URL: {@code mssql://user:pw@host:1433/database}.
 *
 * <p>Hazards: identifiers are quoted with brackets; no boolean expressions as values (BIT
 * columns compare with 1/0); RETURNING is {@code OUTPUT inserted.col} placed before VALUES/WHERE;
 * LIMIT is {@code TOP (n)} or {@code OFFSET ... FETCH} (which needs an ORDER BY).
 */
public class MssqlDialect extends Dialect {
    private static final Set<String> RESERVED;

    static {
        Set<String> s = new HashSet<>(ReservedWords.SQL_STANDARD);
        s.addAll(Set.of("backup", "browse", "bulk", "checkpoint", "clustered", "compute", "contains", "containstable",
                "dbcc", "deny", "disk", "distributed", "dump", "errlvl", "exit", "file", "fillfactor", "freetext",
                "holdlock", "identity", "identitycol", "identity_insert", "index", "kill", "lineno", "load",
                "merge", "nocheck", "nonclustered", "off", "offsets", "opendatasource", "openquery", "openrowset",
                "openxml", "option", "over", "percent", "pivot", "plan", "print", "proc", "raiserror", "readtext",
                "reconfigure", "replication", "restore", "revert", "rowcount", "rowguidcol", "rule", "save",
                "securityaudit", "setuser", "shutdown", "statistics", "textsize", "top", "tran", "truncate",
                "tsequal", "unpivot", "updatetext", "use", "waitfor", "writetext"));
        RESERVED = Set.copyOf(s);
    }

    @Override
    public String name() {
        return "mssql";
    }

    @Override
    public String driverName() {
        return "mssql-jdbc";
    }

    @Override
    public ConnectSpec connectSpec(URL url) {
        DriverNames.checkDriver(url, Set.of("mssqljdbc", "sqlserver", "jdbc"), "mssql-jdbc");
        String db = url.database() == null ? "" : url.database();
        return new ConnectSpec("com.microsoft.sqlserver.jdbc.SQLServerDriver",
                "jdbc:sqlserver://" + DriverNames.hostPort(url, 1433) + ";databaseName=" + db,
                DriverNames.properties(url, Map.of()));
    }

    @Override
    public String identifierQuoteStart() {
        return "[";
    }

    @Override
    public String identifierQuoteEnd() {
        return "]";
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
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new MssqlCompiler(this);
    }
}
