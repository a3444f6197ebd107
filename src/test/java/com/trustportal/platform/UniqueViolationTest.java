package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  @Test
  void aDuplicateKeyIsFoundAnywhereInTheCauseChain() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    assertTrue(UniqueViolation.in(duplicate));
    assertTrue(UniqueViolation.in(new EJBException(new IllegalStateException("rolled back", duplicate))));
  }

  @Test
  void aDuplicateKeyBehindTheNextExceptionOfABatchIsFound() {
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("duplicate", "23505"));
    assertTrue(UniqueViolation.in(batch));
  }

  @Test
  void otherFailuresAreNotTakenForARace() {
    assertFalse(UniqueViolation.in(new SQLException("connection refused", "08001")));
    assertFalse(UniqueViolation.in(new SQLException("foreign key", "23503")));
    assertFalse(UniqueViolation.in(new IllegalStateException("no SQL at all")));
  }
}
