package org.jalchemy.engine;

import org.jalchemy.dialect.Dialect;

import java.io.PrintWriter;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens physical connections through the dialect's JDBC driver and runs the dialect's
 * per-connection set-up and the engine's {@code connect} listeners. Given to HikariCP as its
 * DataSource so those hooks run for every pooled connection.
 */
final class RawConnector implements DataSource {
    private final Driver driver;
    private final Dialect.ConnectSpec spec;
    private final Dialect dialect;
    private final Consumer<java.sql.Connection> onConnect;
    private final int loginTimeoutSeconds;

    RawConnector(Dialect dialect, Dialect.ConnectSpec spec, Consumer<java.sql.Connection> onConnect,
                 java.time.Duration connectTimeout) {
        this.loginTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                (connectTimeout.toMillis() + 999) / 1000));
        this.dialect = dialect;
        this.spec = spec;
        this.onConnect = onConnect;
        try {
            this.driver = (Driver) Class.forName(spec.driverClassName()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new org.jalchemy.exc.NoSuchModuleError("JDBC driver " + spec.driverClassName() + " for dialect '"
                    + dialect.name() + "' is not on the class path; add " + dialect.driverName() + " to your dependencies", e);
        }
    }

    @Override
    public java.sql.Connection getConnection() throws SQLException {
        java.sql.Connection c = driver.connect(spec.jdbcUrl(), spec.properties());
        if (c == null) {
            throw new SQLException("Driver " + spec.driverClassName() + " did not accept URL " + spec.jdbcUrl(), "08001");
        }
        try {
            dialect.onConnect(c);
            onConnect.accept(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public java.sql.Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    /**
     * The engine's connect timeout, in whole seconds (at least 1). HikariCP waits this long at
     * {@code close()} for a connection it is still opening; 0 (no wait) made every
     * {@code Engine.close()} log "Timed-out waiting for add connection executor to shutdown" while
     * the pool was filling its idle connections.
     */
    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
