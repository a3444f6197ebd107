package com.trustportal.catalog.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * How a course's final assessment is delivered beyond its bank: how many questions each objective gets per attempt,
 * when a learner who keeps failing must pause, whether the result reveals the bank's right answers, and how much
 * active time in the course opens the assessment. Set per course in {@code course.yaml}; a tenant may override the
 * retake, review and time rules for its own learners ({@link #overriddenBy}).
 *
 * @param perObjective         questions drawn for every objective in each attempt (the rest of the draw is free)
 * @param coolingOffAfter      consecutive failed attempts after which the learner waits; 0 = never
 * @param coolingOff           how long the wait lasts, counted from the failed attempt's submission
 * @param showCorrectAnswers   whether the result shows each question's right answer and explanation
 * @param minimumActiveMinutes active minutes on the course's steps before the assessment opens
 */
public record AssessmentPolicy(int perObjective, int coolingOffAfter, Duration coolingOff, boolean showCorrectAnswers,
    int minimumActiveMinutes) {

  /** Two per objective; a day's pause after every second failure in a row; results without the answer key. */
  public static final AssessmentPolicy DEFAULT = new AssessmentPolicy(2, 2, Duration.ofHours(24), false, 0);

  public AssessmentPolicy {
    Invariants.between(perObjective, 0, 50, "perObjective");
    Invariants.between(coolingOffAfter, 0, 100, "coolingOffAfter");
    Objects.requireNonNull(coolingOff, "coolingOff");
    if (coolingOff.isNegative()) {
      throw new IllegalArgumentException("coolingOff must not be negative");
    }
    Invariants.between(minimumActiveMinutes, 0, 10_000, "minimumActiveMinutes");
  }

  /** A tenant's settings on top of the course's; a {@code null} keeps the course's value. */
  public AssessmentPolicy overriddenBy(Integer coolingOffAfter, Integer coolingOffHours, Boolean showCorrectAnswers,
      Integer minimumActiveMinutes) {
    return new AssessmentPolicy(perObjective,
        coolingOffAfter == null ? this.coolingOffAfter : coolingOffAfter,
        coolingOffHours == null ? coolingOff : Duration.ofHours(coolingOffHours),
        showCorrectAnswers == null ? this.showCorrectAnswers : showCorrectAnswers,
        minimumActiveMinutes == null ? this.minimumActiveMinutes : minimumActiveMinutes);
  }

  /**
   * Whether the learner must wait after {@code failuresInARow} consecutive failures: every
   * {@link #coolingOffAfter}-th failure in a row starts a pause (after the 2nd, the 4th, ...), so one more try
   * follows each pause.
   */
  public boolean pausesAfter(int failuresInARow) {
    return coolingOffAfter > 0 && failuresInARow > 0 && failuresInARow % coolingOffAfter == 0
        && !coolingOff.isZero();
  }
}
