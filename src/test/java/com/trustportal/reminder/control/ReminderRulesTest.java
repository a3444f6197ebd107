package com.trustportal.reminder.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.certificate.entity.VerificationCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderRulesTest {

  private final Clock clock = Clock.fixed(Instant.parse("2031-03-04T09:00:00Z"), ZoneOffset.UTC);
  private final Instant now = clock.instant();
  private final ReminderRules rules = new ReminderRules(3, 30);

  @Test
  void aCourseDueWithinThreeDaysOrOverdueAndNotCompletedIsReminded() {
    assertTrue(rules.remindDue(now.plus(Duration.ofDays(2)), false, now), "due in two days");
    assertTrue(rules.remindDue(now.plus(Duration.ofDays(3)), false, now), "due in exactly three days");
    assertTrue(rules.remindDue(now.minus(Duration.ofDays(40)), false, now), "overdue");
    assertFalse(rules.remindDue(now.plus(Duration.ofDays(3)).plusSeconds(1), false, now), "due later than three days");
    assertFalse(rules.remindDue(now.plus(Duration.ofDays(2)), true, now), "completed");
    assertFalse(rules.remindDue(now.minus(Duration.ofDays(2)), true, now), "completed late");
    assertFalse(rules.remindDue(null, false, now), "no due date");
  }

  @Test
  void theLookAheadComesFromTheSettings() {
    ReminderRules week = new ReminderRules(7, 0);
    assertTrue(week.remindDue(now.plus(Duration.ofDays(6)), false, now));
    assertFalse(rules.remindDue(now.plus(Duration.ofDays(6)), false, now));
    assertFalse(week.expiresSoon(now.plus(Duration.ofDays(1)), now), "zero days: no certificate reminders");
    assertThrows(IllegalArgumentException.class, () -> new ReminderRules(-1, 30));
  }

  @Test
  void aCertificateIsRemindedWhenItsLatestForTheCourseAndExpiresWithinThirtyDays() {
    Certificate soon = certificate("c1", "course-a", now.minus(Duration.ofDays(700)), now.plus(Duration.ofDays(10)));
    Certificate later = certificate("c2", "course-b", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(31)));
    Certificate expired = certificate("c3", "course-c", now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1)));
    Certificate forever = certificate("c4", "course-d", now.minus(Duration.ofDays(5)), null);
    assertEquals(List.of(soon), rules.expiring(List.of(soon, later, expired, forever), now));
  }

  @Test
  void aRenewedOrRevokedCertificateIsNotReminded() {
    Certificate renewed = certificate("new", "course-a", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(700)));
    Certificate old = certificate("old", "course-a", now.minus(Duration.ofDays(700)), now.plus(Duration.ofDays(10)));
    assertEquals(List.of(), rules.expiring(List.of(renewed, old), now), "newest first: the renewal counts");

    Certificate revoked = certificate("rev", "course-b", now.minus(Duration.ofDays(700)), now.plus(Duration.ofDays(5)));
    revoked.revoke(RevocationReason.ISSUED_IN_ERROR, "admin", now.minus(Duration.ofDays(1)));
    assertEquals(List.of(), rules.expiring(List.of(revoked), now));
  }

  private static Certificate certificate(String completion, String course, Instant completed, Instant expires) {
    return new Certificate(new Certificate.Achievement(completion, "learner-1", "Ana Silva", course, "Course " + course, 1,
        90, 3600, completed), VerificationCode.generate(), completed, expires);
  }
}
