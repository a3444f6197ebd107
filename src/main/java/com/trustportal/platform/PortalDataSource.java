package com.trustportal.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class behind the container's connection pool: H2 or PostgreSQL, chosen at run time from
 * {@link DatabaseSettings}, so one WAR serves every environment and switching to PostgreSQL needs
 * only {@code PORTAL_DB_URL}, {@code PORTAL_DB_USER} and {@code PORTAL_DB_PASSWORD}.
 */
public class PortalDataSource implements DataSource {

  /**
   * Seconds to open a connection (TCP connect, then sign-in) before giving up: an unreachable database answers a
   * request in seconds. No socket read timeout is set, as it would cut long statements; those are bounded by the
   * pool's statement timeout ({@link Database#STATEMENT_SECONDS}) instead.
   */
  public static final int CONNECT_SECONDS = 5;

  /** Name of the portal's sessions in PostgreSQL's {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "trust-portal";

  private volatile DataSource delegate;
  private int loginTimeout;

  private DataSource delegate() throws SQLException {
    DataSource d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = create(DatabaseSettings.jdbcUrl(), DatabaseSettings.user(), DatabaseSettings.password());
        }
        d = delegate;
      }
    }
    return d;
  }

  static DataSource create(String url, String user, String password) throws SQLException {
    if (url.startsWith("jdbc:postgresql:")) {
      org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setURL(url);
      // defaults for what PORTAL_DB_URL does not set itself
      if (!names(url, "connectTimeout")) {
        pg.setConnectTimeout(CONNECT_SECONDS);
      }
      if (!names(url, "loginTimeout")) {
        pg.setLoginTimeout(CONNECT_SECONDS);
      }
      if (!names(url, "tcpKeepAlive")) {
        pg.setTcpKeepAlive(true); // notices a silently vanished server on an idle pooled connection
      }
      if (!names(url, "ApplicationName")) {
        pg.setApplicationName(APPLICATION_NAME);
      }
      if (!user.isEmpty()) {
        pg.setUser(user);
      }
      if (!password.isEmpty()) {
        pg.setPassword(password);
      }
      return pg;
    }
    if (url.startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    throw new SQLException("PORTAL_DB_URL must start with jdbc:postgresql: or jdbc:h2:, but was: " + url);
  }

  private static boolean names(String url, String parameter) {
    int query = url.indexOf('?');
    return query >= 0 && java.util.Arrays.stream(url.substring(query + 1).split("&"))
        .anyMatch(p -> p.regionMatches(true, 0, parameter + "=", 0, parameter.length() + 1));
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // connections log through their drivers
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
