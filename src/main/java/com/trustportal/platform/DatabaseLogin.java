package com.trustportal.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.Server;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets the persistence unit start while the database is unreachable, so that the WAR deploys, health answers and
 * {@link Startup} can wait for the database instead of the deployment failing.
 *
 * <p>Payara creates an EntityManager while deploying, and EclipseLink's login opens a connection to detect the
 * database and to check that connecting works; with the database down that fails the whole deployment. During that
 * login only, this customizer answers an unreachable database with a stand-in connection that can name the product
 * (from {@code PORTAL_DB_URL}) and do nothing else. EclipseLink closes it before the login ends, and it is never
 * handed out afterwards: from then on every connection comes from the pool, and an unreachable database fails the
 * request that needs it, as it should. Set as {@code eclipselink.session.customizer} in {@code persistence.xml}.
 */
public class DatabaseLogin implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger("portal");

  @Override
  public void customize(Session session) {
    AtomicBoolean loggingIn = new AtomicBoolean(true);
    // the session's login, and the copies its connection pools already hold (platform detection uses the read pool's)
    Set<Login> logins = Collections.newSetFromMap(new IdentityHashMap<>());
    logins.add(session.getDatasourceLogin());
    if (session instanceof Server server) {
      logins.add(server.getReadConnectionPool().getLogin());
      if (server instanceof ServerSession pools) {
        pools.getConnectionPools().values().forEach(pool -> logins.add(pool.getLogin()));
      }
    }
    for (Login login : logins) {
      if (login instanceof DatasourceLogin datasource && !(datasource.getConnector() instanceof TolerantConnector)) {
        datasource.setConnector(new TolerantConnector(datasource.getConnector(), loggingIn));
      }
    }
    session.getEventManager().addListener(new SessionEventAdapter() {
      @Override
      public void postLogin(SessionEvent event) {
        loggingIn.set(false);
      }
    });
  }

  /** The container's connector, except that during login an unreachable database yields a stand-in. */
  static final class TolerantConnector implements Connector {
    private static final long serialVersionUID = 1L;
    private Connector real;
    private final AtomicBoolean loggingIn; // shared by the clones EclipseLink makes of its logins

    TolerantConnector(Connector real, AtomicBoolean loggingIn) {
      this.real = real;
      this.loggingIn = loggingIn;
    }

    @Override
    public Connection connect(Properties properties, Session session) throws DatabaseException {
      try {
        return real.connect(properties, session);
      } catch (DatabaseException e) {
        if (!loggingIn.get() || !DatabaseOutage.is(e)) {
          throw e;
        }
        LOG.fine(() -> "Database " + DatabaseSettings.describe() + " unreachable while the application starts ("
            + DatabaseOutage.reason(e).orElseThrow() + "): starting without it");
        return standIn();
      }
    }

    @Override
    public Object clone() {
      try {
        TolerantConnector copy = (TolerantConnector) super.clone();
        copy.real = (Connector) real.clone();
        return copy;
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String getConnectionDetails() {
      return real.getConnectionDetails();
    }

    @Override
    public void toString(PrintWriter writer) {
      real.toString(writer);
    }
  }

  /** A closed door with a name plate: metadata for platform detection, every other call fails as unreachable. */
  static Connection standIn() {
    String url = DatabaseSettings.jdbcUrl();
    String product = url.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL";
    AtomicBoolean closed = new AtomicBoolean();
    InvocationHandler metadata = (proxy, method, args) -> switch (method.getName()) {
      case "getDatabaseProductName" -> product;
      case "getDatabaseProductVersion" -> "(unreachable at start)";
      case "getURL" -> DatabaseSettings.describe();
      case "getUserName" -> DatabaseSettings.user();
      case "getDriverName", "getDriverVersion" -> "(not connected)";
      default -> defaultValue(method);
    };
    InvocationHandler connection = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
          case "getMetaData":
            return Proxy.newProxyInstance(DatabaseLogin.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                metadata);
          case "close":
            closed.set(true);
            return null;
          case "isClosed":
            return closed.get();
          case "getAutoCommit":
            return true;
          case "toString":
            return "unreachable " + product + " database (stand-in during start-up)";
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == args[0];
          default:
            throw new SQLNonTransientConnectionException("the database is unreachable", "08001");
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(DatabaseLogin.class.getClassLoader(), new Class<?>[] {Connection.class},
        connection);
  }

  private static Object defaultValue(Method method) {
    Class<?> type = method.getReturnType();
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
