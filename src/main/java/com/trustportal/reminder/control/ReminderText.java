package com.trustportal.reminder.control;

import com.trustportal.team.boundary.TeamReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The wording of reminder e-mails, in plain text: a learner's one combined reminder of the day and a
 * manager's weekly digest of their direct reports. Dates are UTC days, as due dates are stored.
 */
public final class ReminderText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private ReminderText() {}

  /** An e-mail ready to send. */
  public record Mail(String to, String subject, String text) {}

  /** A course the learner still has to complete, due by {@code dueAt}. */
  public record DueCourse(String title, Instant dueAt) {}

  /** A certificate of the learner that expires at {@code expiresAt}. */
  public record ExpiringCertificate(String courseTitle, Instant expiresAt) {}

  /** Everything one learner is reminded of today. */
  public record LearnerReminder(String accountId, String email, String name, List<DueCourse> due,
      List<ExpiringCertificate> expiring) {

    public LearnerReminder {
      Objects.requireNonNull(accountId);
      Objects.requireNonNull(email);
      due = List.copyOf(due);
      expiring = List.copyOf(expiring);
    }

    public int items() {
      return due.size() + expiring.size();
    }

    public boolean isEmpty() {
      return items() == 0;
    }
  }

  /** The learner's reminder: every due course and expiring certificate in one e-mail, with the portal link. */
  public static Mail learner(LearnerReminder reminder, String tenantName, String link, Instant now) {
    LocalDate today = day(now);
    StringBuilder text = new StringBuilder("Hello ").append(reminder.name()).append(",\n\n");
    if (!reminder.due().isEmpty()) {
      text.append("Your ").append(tenantName).append(" sales training:\n\n");
      for (DueCourse course : reminder.due()) {
        text.append("- ").append(course.title()).append(": ").append(dueWording(day(course.dueAt()), today)).append('\n');
      }
      text.append('\n');
    }
    if (!reminder.expiring().isEmpty()) {
      text.append("Certificates that expire soon (complete the course again to renew them):\n\n");
      for (ExpiringCertificate certificate : reminder.expiring()) {
        LocalDate expires = day(certificate.expiresAt());
        text.append("- ").append(certificate.courseTitle()).append(": expires on ").append(DATE.format(expires))
            .append(" (").append(days(ChronoUnit.DAYS.between(today, expires))).append(")\n");
      }
      text.append('\n');
    }
    text.append("Continue your training here:\n").append(link).append("\n\n")
        .append("You receive at most one reminder a day while something is due.\n");
    boolean overdue = reminder.due().stream().anyMatch(c -> day(c.dueAt()).isBefore(today));
    String subject = (overdue ? "Overdue: " : "Reminder: ") + tenantName + " sales training";
    return new Mail(reminder.email(), subject, text.toString());
  }

  /** The manager's digest of the week {@code week} ({@code 2026-W48}): each direct report's status per course. */
  public static Mail digest(String managerEmail, String managerName, String tenantName, String week,
      List<TeamReport.Row> rows, String link) {
    Map<String, List<TeamReport.Row>> byLearner = new LinkedHashMap<>();
    rows.forEach(r -> byLearner.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
    Map<TeamReport.Status, Integer> counts = new LinkedHashMap<>();
    for (TeamReport.Status status : TeamReport.Status.values()) {
      counts.put(status, 0);
    }
    rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    StringBuilder text = new StringBuilder("Hello ").append(managerName).append(",\n\n")
        .append("Your team's ").append(tenantName).append(" sales training, week ").append(week).append(":\n")
        .append(byLearner.size()).append(byLearner.size() == 1 ? " direct report; " : " direct reports; ");
    List<String> totals = new ArrayList<>();
    counts.forEach((status, n) -> totals.add(n + " " + status.label().toLowerCase(Locale.ENGLISH)));
    text.append(String.join(", ", totals)).append(".\n\n");
    byLearner.forEach((id, learnerRows) -> {
      TeamReport.Row first = learnerRows.get(0);
      text.append(first.name()).append(" <").append(first.email()).append(">\n");
      for (TeamReport.Row row : learnerRows) {
        text.append("  - ").append(row.courseTitle()).append(": ").append(row.status().label()).append(", ")
            .append(row.percent()).append('%');
        if (row.due() != null && row.status() != TeamReport.Status.COMPLETED) {
          text.append(", due ").append(DATE.format(day(row.due())));
        }
        if (row.certificateExpires() != null) {
          text.append(", certificate expires ").append(DATE.format(day(row.certificateExpires())));
        }
        text.append('\n');
      }
    });
    text.append("\nThe full team report:\n").append(link).append('\n');
    return new Mail(managerEmail, "Your team's training, week " + week, text.toString());
  }

  private static String dueWording(LocalDate due, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, due);
    if (days < 0) {
      return "was due on " + DATE.format(due) + " (overdue by " + (-days == 1 ? "1 day" : -days + " days") + ")";
    }
    return "due on " + DATE.format(due) + " (" + days(days) + ")";
  }

  private static String days(long days) {
    return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
  }

  private static LocalDate day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
