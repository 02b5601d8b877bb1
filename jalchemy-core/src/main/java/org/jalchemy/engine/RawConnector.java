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

    RawConnector(Dialect dialect, Dialect.ConnectSpec spec, Consumer<java.sql.Connection> onConnect) {
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

    @Override
    public int getLoginTimeout() {
        return 0;
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
