package com.trustportal.reminder.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderTest {

  @Test
  void aDayIsTheUtcDateAndAWeekTheIsoWeek() {
    Instant lateSunday = Instant.parse("2026-11-29T23:30:00Z");
    assertEquals("2026-11-29", Reminder.Kind.LEARNER_DAILY.period(lateSunday));
    assertEquals("2026-W48", Reminder.Kind.MANAGER_WEEKLY.period(lateSunday));
    assertEquals("2026-W49", Reminder.Kind.MANAGER_WEEKLY.period(Instant.parse("2026-11-30T00:00:00Z")), "Monday starts a week");
    assertEquals("2026-W53", Reminder.Kind.MANAGER_WEEKLY.period(Instant.parse("2027-01-01T12:00:00Z")),
        "the ISO week-based year, not the calendar year");
    assertEquals("2031-W01", Reminder.Kind.MANAGER_WEEKLY.period(Instant.parse("2030-12-31T12:00:00Z")));
  }

  @Test
  void aClaimIsMarkedSentOnce() {
    Instant at = Instant.parse("2031-03-04T09:00:00Z");
    Reminder reminder = Reminder.claim("learner-1", Reminder.Kind.LEARNER_DAILY, at, 2);
    assertEquals("2031-03-04", reminder.period());
    assertNull(reminder.sentAt());
    reminder.sent(at.plusSeconds(1));
    assertEquals(at.plusSeconds(1), reminder.sentAt());
    assertThrows(IllegalStateException.class, () -> reminder.sent(at.plusSeconds(2)));
  }
}
