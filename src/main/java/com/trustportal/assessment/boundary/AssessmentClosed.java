package com.trustportal.assessment.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.util.Objects;

/**
 * The final assessment is not open to this learner now. The message is for people; the {@link Reason} and the figures
 * are what pages decide on, so a new wording never changes behaviour.
 */
@ApplicationException(rollback = true)
public class AssessmentClosed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the assessment is closed. */
  public enum Reason {
    /** The learner failed the policy's number of attempts in a row and waits until {@link #opensAt()}. */
    COOLING_OFF,
    /** The learner has spent less active time on the course than the policy asks before the assessment. */
    TOO_LITTLE_TIME
  }

  private final Reason reason;
  private final Instant opensAt;
  private final long activeMinutes;
  private final int requiredMinutes;

  private AssessmentClosed(Reason reason, String message, Instant opensAt, long activeMinutes, int requiredMinutes) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
    this.opensAt = opensAt;
    this.activeMinutes = activeMinutes;
    this.requiredMinutes = requiredMinutes;
  }

  static AssessmentClosed coolingOff(int failuresInARow, Instant opensAt) {
    return new AssessmentClosed(Reason.COOLING_OFF, failuresInARow + " attempts in a row did not pass; the next attempt"
        + " opens at " + opensAt, opensAt, 0, 0);
  }

  static AssessmentClosed tooLittleTime(long activeMinutes, int requiredMinutes) {
    return new AssessmentClosed(Reason.TOO_LITTLE_TIME, "the assessment opens after " + requiredMinutes
        + " active minutes in the course; " + activeMinutes + " so far", null, activeMinutes, requiredMinutes);
  }

  public Reason reason() {
    return reason;
  }

  /** When the cooling-off ends ({@link Reason#COOLING_OFF} only). */
  public Instant opensAt() {
    return opensAt;
  }

  /** Active minutes so far and the minutes required ({@link Reason#TOO_LITTLE_TIME} only). */
  public long activeMinutes() {
    return activeMinutes;
  }

  public int requiredMinutes() {
    return requiredMinutes;
  }
}
