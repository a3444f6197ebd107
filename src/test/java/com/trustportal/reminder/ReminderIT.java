package com.trustportal.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.trustportal.Deployments;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.identity.entity.Role;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.platform.Settings;
import com.trustportal.reminder.boundary.ReminderSchedule;
import com.trustportal.reminder.boundary.Reminders;
import com.trustportal.reminder.entity.Reminder;
import com.trustportal.tenant.control.TenantContext;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders against the real database and a real SMTP server (GreenMail, started inside the portal's JVM on the
 * port the portal is configured to send to): one reminder per learner and day, kept by the database across runs,
 * nothing for a learner who completed, nothing for another tenant's learner, and one digest per manager and week
 * listing only their direct reports. The runs are given a fixed instant, so the test does not depend on today.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {

  /** A Tuesday: ISO week 2031-W10 runs from Monday 3 to Sunday 9 March. */
  private static final Instant NOW = Instant.parse("2031-03-04T09:00:00Z");
  private static final String COURSE = "collaborative-selling";

  @Deployment
  static WebArchive deployment() {
    // GreenMail runs in the container with the test; Jakarta Mail itself comes from Payara
    return Deployments.portal(ReminderIT.class, ReminderFixture.class)
        .addAsLibraries(jarOf(GreenMail.class), jarOf(org.slf4j.LoggerFactory.class));
  }

  @Inject Reminders reminders;
  @Inject ReminderSchedule schedule;
  @Inject ReminderFixture fixture;
  @Inject Completions completions;
  @Inject Catalog catalog;

  private final String tenant = "enrol";
  private final List<String> created = new ArrayList<>();
  private String run;
  private GreenMail smtp;
  private Course course;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(Settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    run = UUID.randomUUID().toString().substring(0, 8);
    course = catalog.course(tenant, COURSE).orElseThrow();
  }

  @AfterEach
  void stopSmtpAndFreeSeats() {
    smtp.stop();
    created.forEach(id -> as(() -> {
      fixture.deactivate(id);
      return null;
    }));
  }

  @Test
  void aLearnerDueInTwoDaysGetsOneReminderAndASecondRunTheSameDaySendsNothing() throws Exception {
    String dueEmail = "due-" + run + "@enrol.example";
    String due = learner(dueEmail, "Dana Due", null);
    String late = learner("late-" + run + "@enrol.example", "Len Late", null);
    String done = learner("done-" + run + "@enrol.example", "Cal Complete", null);
    String later = learner("later-" + run + "@enrol.example", "Lou Later", null);
    as(() -> completions.setDue(due, COURSE, NOW.plus(Duration.ofDays(2))));
    as(() -> completions.setDue(late, COURSE, NOW.minus(Duration.ofDays(5))));
    as(() -> completions.setDue(done, COURSE, NOW.plus(Duration.ofDays(1))));
    as(() -> completions.setDue(later, COURSE, NOW.plus(Duration.ofDays(10))));
    as(() -> {
      fixture.completed(done, course, NOW.minus(Duration.ofDays(3)), null);
      return null;
    });
    // completed the first round late; a recertification round now runs, due in 20 days: the old date is history
    String renewed = learner("renewed-" + run + "@enrol.example", "Rory Renewed", null);
    as(() -> completions.setDue(renewed, COURSE, NOW.minus(Duration.ofDays(30))));
    as(() -> {
      fixture.completed(renewed, course, NOW.minus(Duration.ofDays(25)), null);
      return completions.reopen(renewed, course, NOW.plus(Duration.ofDays(20))).orElseThrow();
    });

    Reminders.Run first = as(() -> reminders.remindLearners(NOW));

    assertTrue(first.sent() >= 2 && first.failed() == 0, first.toString());
    List<MimeMessage> toDue = to(dueEmail);
    assertEquals(1, toDue.size(), "exactly one reminder");
    String body = GreenMailUtil.getBody(toDue.get(0));
    assertEquals("Reminder: Enrol Testing Ltd sales training", toDue.get(0).getSubject());
    assertTrue(body.contains(course.title() + ": due on 6 March 2031 (in 2 days)"), body);
    assertTrue(body.contains(Settings.publicUrl() + "/t/enrol/learn/index.xhtml"), body);
    List<MimeMessage> toLate = to("late-" + run + "@enrol.example");
    assertEquals(1, toLate.size());
    assertTrue(toLate.get(0).getSubject().startsWith("Overdue"), toLate.get(0).getSubject());
    assertTrue(GreenMailUtil.getBody(toLate.get(0)).contains("overdue by 5 days"));
    assertEquals(0, to("done-" + run + "@enrol.example").size(), "completed: no reminder");
    assertEquals(0, to("later-" + run + "@enrol.example").size(), "due in ten days: not yet");
    assertEquals(0, to("renewed-" + run + "@enrol.example").size(), "only the current round's due date counts");
    Reminder recorded = as(() -> reminders.find(due, Reminder.Kind.LEARNER_DAILY, "2031-03-04")).orElseThrow();
    assertNotNull(recorded.sentAt(), "marked sent after the SMTP server accepted it");

    Reminders.Run second = as(() -> reminders.remindLearners(NOW.plus(Duration.ofHours(5))));

    assertEquals(0, second.sent(), "the same day: every reminder is recorded already");
    assertEquals(1, to(dueEmail).size());
    // what a restarted node sees: only the table, which still holds the one row, so nothing is due to send
    assertEquals(1, as(() -> fixture.reminderRows(due)));
    assertTrue(as(() -> reminders.learnerMails(NOW)).stream().noneMatch(m -> m.accountId().equals(due)));

    as(() -> reminders.remindLearners(NOW.plus(Duration.ofDays(1))));
    assertEquals(2, to(dueEmail).size(), "the next day is a new day");
    assertEquals(2, as(() -> fixture.reminderRows(due)));
  }

  @Test
  void aLearnerOfAnotherTenantIsNotInThisTenantsRun() throws Exception {
    String email = "twin-" + run + "@enrol.example"; // the same address in two companies: two unrelated accounts
    String here = learner(email, "Tess Twin", null);
    String there = TenantContext.callAsUnchecked("acme", () -> fixture.account(email, "Tess Twin", Role.LEARNER, null));
    as(() -> completions.setDue(here, COURSE, NOW.plus(Duration.ofDays(1))));
    TenantContext.callAsUnchecked("acme", () -> completions.setDue(there, COURSE, NOW.plus(Duration.ofDays(1))));

    as(() -> reminders.remindLearners(NOW));

    assertEquals(1, to(email).size(), "only enrol's learner");
    assertTrue(GreenMailUtil.getBody(to(email).get(0)).contains("/t/enrol/"));
    assertEquals(0, TenantContext.callAsUnchecked("acme", () -> fixture.reminderRows(there)));

    // the hourly job runs every tenant, each in its own context: now acme's learner gets acme's reminder
    Map<String, Reminders.Run> runs = schedule.runAll(NOW);
    assertTrue(runs.containsKey("acme") && runs.containsKey("enrol"), runs.toString());
    assertEquals(2, to(email).size());
    assertTrue(to(email).stream().anyMatch(m -> GreenMailUtil.getBody(m).contains("/t/acme/")));
    assertEquals(1, TenantContext.callAsUnchecked("acme", () -> fixture.reminderRows(there)));
    TenantContext.callAsUnchecked("acme", () -> {
      fixture.deactivate(there);
      return null;
    });
  }

  @Test
  void aCertificateThatExpiresSoonIsRemindedOnceADay() throws Exception {
    String email = "cert-" + run + "@enrol.example";
    String holder = learner(email, "Cy Cert", null);
    as(() -> {
      fixture.completed(holder, course, NOW.minus(Duration.ofDays(700)), NOW.plus(Duration.ofDays(10)));
      return null;
    });

    as(() -> reminders.remindLearners(NOW));
    as(() -> reminders.remindLearners(NOW.plus(Duration.ofMinutes(60))));

    assertEquals(1, to(email).size());
    String body = GreenMailUtil.getBody(to(email).get(0));
    assertTrue(body.contains(course.title() + ": expires on 14 March 2031 (in 10 days)"), body);
  }

  @Test
  void aManagerGetsOneDigestAWeekListingOnlyTheirDirectReports() throws Exception {
    String managerEmail = "boss-" + run + "@enrol.example";
    String manager = account(managerEmail, "Bo Boss", Role.MANAGER, null);
    String late = learner("r1-" + run + "@enrol.example", "Rae Late", manager);
    learner("r2-" + run + "@enrol.example", "Ray Fresh", manager);
    learner("r3-" + run + "@enrol.example", "Ren Other", late); // reports to Rae, a learner: not Bo's report
    String gone = learner("r4-" + run + "@enrol.example", "Rex Gone", manager);
    as(() -> completions.setDue(late, COURSE, NOW.minus(Duration.ofDays(1))));
    as(() -> {
      fixture.deactivate(gone);
      return null;
    });

    as(() -> reminders.sendDigests(NOW));

    List<MimeMessage> digests = to(managerEmail);
    assertEquals(1, digests.size());
    assertEquals("Your team's training, week 2031-W10", digests.get(0).getSubject());
    String body = GreenMailUtil.getBody(digests.get(0));
    assertTrue(body.contains("r1-" + run) && body.contains("r2-" + run), body);
    assertTrue(!body.contains("r3-" + run) && !body.contains("r4-" + run), "only active direct reports: " + body);
    assertTrue(body.contains("2 direct reports"), body);
    assertTrue(body.contains(course.title() + ": Overdue, 0%, due 3 March 2031"), body);
    assertTrue(body.contains(course.title() + ": Not started, 0%"), body);
    assertEquals(0, to("r1-" + run + "@enrol.example").size(), "a learner with a report gets no digest");

    as(() -> reminders.sendDigests(NOW.plus(Duration.ofDays(4)))); // Saturday, same ISO week
    assertEquals(1, to(managerEmail).size(), "one digest per week");
    assertEquals(1, as(() -> fixture.reminderRows(manager)));

    as(() -> reminders.sendDigests(NOW.plus(Duration.ofDays(6)))); // Monday of week 11
    assertEquals(2, to(managerEmail).size());
    assertTrue(as(() -> reminders.find(manager, Reminder.Kind.MANAGER_WEEKLY, "2031-W11")).isPresent());
  }

  private String learner(String email, String name, String managerId) {
    return account(email, name, Role.LEARNER, managerId);
  }

  private String account(String email, String name, Role role, String managerId) {
    String id = as(() -> fixture.account(email, name, role, managerId));
    created.add(id);
    return id;
  }

  private List<MimeMessage> to(String email) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(email)).toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return GreenMailUtil.getAddressList(message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
