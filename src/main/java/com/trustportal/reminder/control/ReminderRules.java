package com.trustportal.reminder.control;

import com.trustportal.certificate.entity.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who needs a reminder, decided without the database so it can be tested against a fixed clock: a course
 * round is worth a reminder when it is not completed and due within the look-ahead or already past; a
 * certificate when it is the learner's latest for its course, not revoked, and expires within its
 * look-ahead (an expired one is left to recertification, which opens a round with a due date).
 */
public final class ReminderRules {

  /** Days ahead of a due date that learners are reminded ({@code PORTAL_REMINDERS_DUE_DAYS}). */
  public static final int DEFAULT_DUE_DAYS = 3;
  /** Days ahead of a certificate's expiry that learners are reminded ({@code PORTAL_REMINDERS_CERTIFICATE_DAYS}). */
  public static final int DEFAULT_CERTIFICATE_DAYS = 30;

  private final Duration dueAhead;
  private final Duration certificateAhead;

  public ReminderRules(int dueDays, int certificateDays) {
    if (dueDays < 0 || certificateDays < 0) {
      throw new IllegalArgumentException("reminder look-ahead days must not be negative");
    }
    this.dueAhead = Duration.ofDays(dueDays);
    this.certificateAhead = Duration.ofDays(certificateDays);
  }

  /** The latest due date that is reminded of at {@code now}: rounds due up to this instant qualify. */
  public Instant dueHorizon(Instant now) {
    return now.plus(dueAhead);
  }

  /** A course round due by {@code due} and not completed: remind when it is due soon or overdue. */
  public boolean remindDue(Instant due, boolean completed, Instant now) {
    return due != null && !completed && !due.isAfter(dueHorizon(now));
  }

  public Instant certificateHorizon(Instant now) {
    return now.plus(certificateAhead);
  }

  /** A certificate that expires after {@code now} and no later than the look-ahead. */
  public boolean expiresSoon(Instant expiresAt, Instant now) {
    return expiresAt != null && expiresAt.isAfter(now) && !expiresAt.isAfter(certificateHorizon(now));
  }

  /**
   * Of one learner's certificates (newest first), those to remind of: per course only the newest counts, so a
   * learner who has already recertified is not told that the old certificate expires.
   */
  public List<Certificate> expiring(List<Certificate> newestFirst, Instant now) {
    Set<String> seen = new HashSet<>();
    List<Certificate> expiring = new ArrayList<>();
    for (Certificate certificate : newestFirst) {
      if (seen.add(certificate.courseId()) && certificate.revokedAt() == null
          && expiresSoon(certificate.expiresAt(), now)) {
        expiring.add(certificate);
      }
    }
    return expiring;
  }
}
