package com.trustportal.reminder.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.reminder.control.ReminderText.DueCourse;
import com.trustportal.reminder.control.ReminderText.ExpiringCertificate;
import com.trustportal.reminder.control.ReminderText.LearnerReminder;
import com.trustportal.reminder.control.ReminderText.Mail;
import com.trustportal.team.boundary.TeamReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderTextTest {

  private final Clock clock = Clock.fixed(Instant.parse("2031-03-04T09:00:00Z"), ZoneOffset.UTC);
  private static final String LINK = "https://portal.example/t/acme/learn/index.xhtml";

  @Test
  void oneEmailListsEveryDueCourseAndExpiringCertificateWithDatesAndTheLink() {
    LearnerReminder reminder = new LearnerReminder("a1", "ana@acme.example", "Ana Silva",
        List.of(new DueCourse("Collaborative Selling", Instant.parse("2031-03-06T23:59:59Z")),
            new DueCourse("Discovery Calls", Instant.parse("2031-03-04T23:59:59Z"))),
        List.of(new ExpiringCertificate("Negotiation", Instant.parse("2031-03-24T10:00:00Z"))));

    Mail mail = ReminderText.learner(reminder, "Acme Corp", LINK, clock.instant());

    assertEquals("ana@acme.example", mail.to());
    assertEquals("Reminder: Acme Corp sales training", mail.subject());
    assertTrue(mail.text().startsWith("Hello Ana Silva,"), mail.text());
    assertTrue(mail.text().contains("- Collaborative Selling: due on 6 March 2031 (in 2 days)"), mail.text());
    assertTrue(mail.text().contains("- Discovery Calls: due on 4 March 2031 (today)"), mail.text());
    assertTrue(mail.text().contains("- Negotiation: expires on 24 March 2031 (in 20 days)"), mail.text());
    assertTrue(mail.text().contains(LINK), mail.text());
    assertEquals(3, reminder.items());
  }

  @Test
  void anOverdueCourseSaysSoInTheSubjectAndTheLine() {
    LearnerReminder reminder = new LearnerReminder("a1", "ben@acme.example", "Ben",
        List.of(new DueCourse("Collaborative Selling", Instant.parse("2031-03-01T23:59:59Z"))), List.of());

    Mail mail = ReminderText.learner(reminder, "Acme Corp", LINK, clock.instant());

    assertEquals("Overdue: Acme Corp sales training", mail.subject());
    assertTrue(mail.text().contains("- Collaborative Selling: was due on 1 March 2031 (overdue by 3 days)"), mail.text());
    assertFalse(mail.text().contains("Certificates"), "no certificate section without certificates");
  }

  @Test
  void theDigestSummarisesEachDirectReportWithStatusAndProgress() {
    Instant due = Instant.parse("2031-02-28T23:59:59Z");
    List<TeamReport.Row> rows = List.of(
        row("a1", "Ana Silva", "Collaborative Selling", TeamReport.Status.OVERDUE, 40, due),
        row("a1", "Ana Silva", "Discovery Calls", TeamReport.Status.COMPLETED, 100, due),
        row("b2", "Ben Okoro", "Collaborative Selling", TeamReport.Status.NOT_STARTED, 0, null));

    Mail mail = ReminderText.digest("mo@acme.example", "Mo Manager", "Acme Corp", "2031-W10", rows,
        "https://portal.example/t/acme/manage/index.xhtml");

    assertEquals("mo@acme.example", mail.to());
    assertEquals("Your team's training, week 2031-W10", mail.subject());
    assertTrue(mail.text().contains("2 direct reports; 1 not started, 0 in progress, 1 completed, 1 overdue."), mail.text());
    assertTrue(mail.text().contains("Ana Silva <a1@acme.example>\n  - Collaborative Selling: Overdue, 40%, due 28 February 2031\n"
        + "  - Discovery Calls: Completed, 100%\n"), mail.text());
    assertTrue(mail.text().contains("Ben Okoro <b2@acme.example>\n  - Collaborative Selling: Not started, 0%\n"), mail.text());
  }

  private static TeamReport.Row row(String id, String name, String course, TeamReport.Status status, int percent,
      Instant due) {
    return new TeamReport.Row(id, name, id + "@acme.example", "North", true, course, status, percent, null, null, due,
        null, null);
  }
}
