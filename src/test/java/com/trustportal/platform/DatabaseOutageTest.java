package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void aRefusedConnectionDeepInsideTheContainersWrappersIsAnOutage() {
    SQLException driver = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
    Exception thrown = new EJBException(new PersistenceException(new SQLException("Error in allocating a connection", driver)));
    assertEquals(Optional.of("connection refused"), DatabaseOutage.reason(thrown));
  }

  @Test
  void aServerShuttingDownIsAnOutage() {
    assertEquals(Optional.of("shut down by an administrator"),
        DatabaseOutage.reason(new PersistenceException(new SQLException("terminating connection", "57P01"))));
    assertEquals(Optional.of("server starting or stopping"),
        DatabaseOutage.reason(new SQLException("the database system is starting up", "57P03")));
  }

  @Test
  void aConstraintViolationOrABugIsNotAnOutage() {
    assertFalse(DatabaseOutage.is(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505"))));
    assertFalse(DatabaseOutage.is(new IllegalStateException("a bug")));
    assertFalse(DatabaseOutage.is(new SQLException("syntax error", "42601")));
  }

  @Test
  void aCauseChainWithACycleEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertFalse(DatabaseOutage.is(a));
  }
}
