package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepProgressTest {

  private static final Instant FIRST = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-02T10:00:00Z");

  @Test
  void aFirstSaveCompletesTheStepWithItsAnswer() {
    StepProgress p = new StepProgress("acc", "course", 2, "m1-check", StepAnswer.check(java.util.Map.of("q1", 0), true), FIRST);

    assertEquals(FIRST, p.completedAt());
    assertEquals("q1=0", p.answer());
    assertEquals(Boolean.TRUE, p.correct());
    assertEquals(2, p.courseVersion());
    assertTrue(p.state().done());
  }

  @Test
  void savingAgainKeepsTheFirstCompletionTimeAndTakesTheLatestAnswer() {
    StepProgress p = new StepProgress("acc", "course", 1, "m1-reflect", StepAnswer.reflection("first"), FIRST);

    p.complete(3, StepAnswer.reflection("second thoughts"), LATER);

    assertEquals(FIRST, p.completedAt());
    assertEquals("second thoughts", p.answer());
    assertEquals(3, p.courseVersion());
  }

  @Test
  void holdsTellsARepeatOfTheStoredAnswerFromADifferentOne() {
    StepProgress p = new StepProgress("acc", "course", 1, "m1-check", StepAnswer.check(java.util.Map.of("q1", 1), false), FIRST);

    assertTrue(p.holds(StepAnswer.check(java.util.Map.of("q1", 1), false)));
    assertFalse(p.holds(StepAnswer.check(java.util.Map.of("q1", 0), true)));
    assertTrue(new StepProgress("acc", "course", 1, "m1-l1", StepAnswer.read(), FIRST).holds(StepAnswer.read()));
  }
}
