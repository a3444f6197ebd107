package com.trustportal.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached from any other failure, by the exception's cause chain: SQLState class
 * {@code 08} (connection), PostgreSQL's {@code 57P01}-{@code 57P03} (server shutting down or starting), a refused or
 * timed-out socket, or the pool that has no connection to give. Such a failure is the database's, not the request's:
 * the answer is "503, try again", never "500", and nothing the learner saved before is lost.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  public static boolean is(Throwable thrown) {
    return reason(thrown).isPresent();
  }

  /** A short reason ("connection refused") when {@code thrown} means the database is unreachable; empty otherwise. */
  public static Optional<String> reason(Throwable thrown) {
    String found = null;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = next(t)) {
      String reason = ownReason(t);
      if (reason != null) {
        found = reason; // keep walking: a deeper cause names the reason more exactly than the pool's wrapper
      }
    }
    return Optional.ofNullable(found);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
      return sql.getNextException();
    }
    return t.getCause();
  }

  private static String ownReason(Throwable t) {
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (t instanceof SocketTimeoutException) {
      return "timed out";
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      if (state.startsWith("08")) {
        return "connection lost";
      }
      switch (state) {
        case "57P01":
          return "shut down by an administrator";
        case "57P02":
          return "server crashed";
        case "57P03":
          return "server starting or stopping";
        default:
          return null;
      }
    }
    String type = t.getClass().getName();
    if (type.equals("com.sun.appserv.connectors.internal.api.PoolingException") || type.startsWith("jakarta.resource.")) {
      // the container's pool could not hand out a connection (none free within the wait, or none could be opened)
      return "no connection available";
    }
    return null;
  }
}
