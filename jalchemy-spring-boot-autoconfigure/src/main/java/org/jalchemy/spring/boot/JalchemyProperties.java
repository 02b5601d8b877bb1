package org.jalchemy.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jalchemy.*} properties of a Spring Boot application. Every one is optional: with
 * none, the engine follows {@code spring.datasource.*} (or the application's {@code DataSource}),
 * entities are scanned from the application's package, and revision scripts of package
 * {@code migrations} run at start-up when there are any.
 */
@ConfigurationProperties("jalchemy")
public class JalchemyProperties {
    /**
     * Database URL in jalchemy's (SQLAlchemy's) form, e.g. postgresql://user:pw@host:5432/db or
     * sqlite:///app.db. When set, jalchemy pools its own connections (jalchemy.pool.*) even if the
     * application has a DataSource; when not, it uses the application's DataSource, or else
     * spring.datasource.url/username/password mapped to the dialect.
     */
    private String url;

    /** Log every statement and its parameters (SQLAlchemy's echo) at INFO on org.jalchemy.engine. */
    private boolean echo;

    /** Keep parameter values out of logs and error messages. */
    private boolean hideParameters;

    /** Longest a statement may run (the engine's statementTimeout); unset for no limit. */
    private Duration statementTimeout;

    /** Log a WARN with its call site for every statement slower than this; unset for none. */
    private Duration slowQueryThreshold;

    /**
     * Packages scanned for @Entity classes (with sub-packages). Default: the packages of the
     * @SpringBootApplication class (Spring Boot's auto-configuration packages).
     */
    private List<String> entityPackages = new ArrayList<>();

    private final Pool pool = new Pool();
    private final Session session = new Session();
    private final Migrate migrate = new Migrate();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isEcho() {
        return echo;
    }

    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    public boolean isHideParameters() {
        return hideParameters;
    }

    public void setHideParameters(boolean hideParameters) {
        this.hideParameters = hideParameters;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public List<String> getEntityPackages() {
        return entityPackages;
    }

    public void setEntityPackages(List<String> entityPackages) {
        this.entityPackages = entityPackages;
    }

    public Pool getPool() {
        return pool;
    }

    public Session getSession() {
        return session;
    }

    public Migrate getMigrate() {
        return migrate;
    }

    /** jalchemy's own pool (HikariCP); ignored when the engine uses the application's DataSource. */
    public static class Pool {
        /** Connections kept open (SQLAlchemy's pool_size). */
        private int size = 5;

        /** Connections opened beyond size under load and closed when idle (max_overflow). */
        private int maxOverflow = 10;

        /** Longest a checkout waits for a free connection before failing (pool_timeout). */
        private Duration timeout = Duration.ofSeconds(30);

        /** Test each connection with a ping before handing it out (pool_pre_ping). */
        private boolean prePing;

        /** Replace connections older than this (pool_recycle). */
        private Duration recycle = Duration.ofMinutes(30);

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }

        public int getMaxOverflow() {
            return maxOverflow;
        }

        public void setMaxOverflow(int maxOverflow) {
            this.maxOverflow = maxOverflow;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public boolean isPrePing() {
            return prePing;
        }

        public void setPrePing(boolean prePing) {
            this.prePing = prePing;
        }

        public Duration getRecycle() {
            return recycle;
        }

        public void setRecycle(Duration recycle) {
            this.recycle = recycle;
        }
    }

    /** The SessionFactory's settings (SQLAlchemy's sessionmaker arguments). */
    public static class Session {
        /** Expire every loaded object when a transaction commits (expire_on_commit). */
        private boolean expireOnCommit = true;

        /** Flush pending changes before each query (autoflush). */
        private boolean autoflush = true;

        public boolean isExpireOnCommit() {
            return expireOnCommit;
        }

        public void setExpireOnCommit(boolean expireOnCommit) {
            this.expireOnCommit = expireOnCommit;
        }

        public boolean isAutoflush() {
            return autoflush;
        }

        public void setAutoflush(boolean autoflush) {
            this.autoflush = autoflush;
        }
    }

    /** Migrations at start-up (needs jalchemy-migrate, which the starter brings). */
    public static class Migrate {
        /**
         * Upgrade the database at start-up, before the SessionFactory is handed out. Without any
         * revision script in the package nothing runs.
         */
        private boolean enabled = true;

        /** Package of the revision scripts (classes implementing Migration), sub-packages included. */
        private String scriptPackage = "migrations";

        /** Revision to upgrade to: head, heads, or a revision id. */
        private String target = "head";

        /** Table holding the database's current revision (Alembic's alembic_version). */
        private String versionTable = "alembic_version";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getScriptPackage() {
            return scriptPackage;
        }

        public void setScriptPackage(String scriptPackage) {
            this.scriptPackage = scriptPackage;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public String getVersionTable() {
            return versionTable;
        }

        public void setVersionTable(String versionTable) {
            this.versionTable = versionTable;
        }
    }
}
