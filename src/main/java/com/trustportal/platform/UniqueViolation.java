package com.trustportal.platform;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells "another node wrote that row first" from other failures, by SQLState {@code 23505} anywhere in the cause
 * chain (the same on H2 and PostgreSQL). Nodes that start together, or claim the same job, race for the same unique
 * key: the loser re-reads what the winner wrote and goes on.
 */
public final class UniqueViolation {

  /** SQLState of a unique or primary key violation. */
  public static final String SQL_STATE = "23505";

  private UniqueViolation() {}

  public static boolean in(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql && (SQL_STATE.equals(sql.getSQLState()) || in(sql.getNextException(), seen))) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(SQLException next, Set<Throwable> seen) {
    for (SQLException s = next; s != null && seen.add(s); s = s.getNextException()) {
      if (SQL_STATE.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
