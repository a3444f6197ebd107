package com.trustportal.reminder.boundary;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.platform.Mailer;
import com.trustportal.platform.Settings;
import com.trustportal.reminder.control.ReminderRules;
import com.trustportal.reminder.control.ReminderText.DueCourse;
import com.trustportal.reminder.control.ReminderText.ExpiringCertificate;
import com.trustportal.reminder.control.ReminderText.LearnerReminder;
import com.trustportal.reminder.control.ReminderText.Mail;
import com.trustportal.reminder.control.ReminderText;
import com.trustportal.reminder.entity.Reminder;
import com.trustportal.team.boundary.TeamReport;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reminder e-mails of the current tenant: one combined reminder a day to each active learner with a course due
 * soon or overdue and not completed, or a certificate about to expire; one digest a week to each manager about
 * their direct reports. Each e-mail is claimed in the {@code reminder} table in its own transaction before it is
 * handed to the SMTP server and marked sent after, so the unique key allows one per learner and day (manager and
 * week) across runs, restarts and nodes. A send that fails releases its claim and is tried again on the next run;
 * a node that dies between claim and send leaves the claim, and that e-mail is not sent that day: at most once wins
 * over at least once. Called by {@link ReminderSchedule} inside {@code TenantContext.callAs}.
 */
@Stateless
public class Reminders {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject @TenantData EntityManager em;
  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject Completions completions;
  @Inject Certificates certificates;
  @Inject TeamReport teamReport;
  @Inject TenantDirectory directory;
  @Inject Mailer mailer;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** An e-mail to send to one account for one period. */
  public record Outgoing(String accountId, Reminder.Kind kind, int items, Mail mail) {}

  /** What one run did in one tenant. */
  public record Run(int sent, int failed, int notSent) {

    public Run plus(Run other) {
      return new Run(sent + other.sent, failed + other.failed, notSent + other.notSent);
    }

    @Override
    public String toString() {
      return sent + " sent, " + failed + " failed" + (notSent > 0 ? ", " + notSent + " not sent (no SMTP server)" : "");
    }
  }

  /** Sends the learners' reminders of the day {@code now} falls in that have not been sent yet. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Run remindLearners(Instant now) {
    return send(self().learnerMails(now), now);
  }

  /** Sends the managers' digests of the ISO week {@code now} falls in that have not been sent yet. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Run sendDigests(Instant now) {
    return send(self().digestMails(now), now);
  }

  /** The learners' reminders still to send today: due or overdue rounds and expiring certificates, one e-mail each. */
  public List<Outgoing> learnerMails(Instant now) {
    String tenant = TenantContext.require();
    ReminderRules rules = new ReminderRules(Settings.remindersDueDays(), Settings.remindersCertificateDays());
    Set<String> done = alreadyClaimed(Reminder.Kind.LEARNER_DAILY, now);
    Map<String, List<DueCourse>> due = new LinkedHashMap<>();
    for (CourseRound round : completions.currentRoundsDueBefore(rules.dueHorizon(now))) {
      if (done.contains(round.accountId())) {
        continue;
      }
      Optional<Course> course = catalog.course(tenant, round.courseId());
      if (course.isPresent() && rules.remindDue(round.dueAt(), completions.find(round.accountId(), course.get()).isPresent(), now)) {
        due.computeIfAbsent(round.accountId(), k -> new ArrayList<>()).add(new DueCourse(course.get().title(), round.dueAt()));
      }
    }
    Map<String, List<ExpiringCertificate>> expiring = new LinkedHashMap<>();
    Set<String> holders = new LinkedHashSet<>();
    certificates.expiringBefore(rules.certificateHorizon(now)).forEach(c -> holders.add(c.accountId()));
    holders.removeAll(done);
    for (String holder : holders) {
      for (Certificate certificate : rules.expiring(certificates.ofLearner(holder), now)) {
        expiring.computeIfAbsent(holder, k -> new ArrayList<>())
            .add(new ExpiringCertificate(certificate.courseTitle(), certificate.expiresAt()));
      }
    }
    Set<String> learners = new LinkedHashSet<>(due.keySet());
    learners.addAll(expiring.keySet());
    String name = tenantName(tenant);
    String link = Settings.tenantUrl(tenant, "learn/index.xhtml");
    List<Outgoing> mails = new ArrayList<>();
    for (String accountId : learners) {
      Optional<Account> account = accounts.byId(accountId).filter(Account::active);
      if (account.isEmpty()) {
        continue;
      }
      LearnerReminder reminder = new LearnerReminder(accountId, account.get().email(), account.get().name(),
          due.getOrDefault(accountId, List.of()), expiring.getOrDefault(accountId, List.of()));
      mails.add(new Outgoing(accountId, Reminder.Kind.LEARNER_DAILY, reminder.items(),
          ReminderText.learner(reminder, name, link, now)));
    }
    return mails;
  }

  /** The managers' digests still to send this week: each active manager with active direct reports. */
  public List<Outgoing> digestMails(Instant now) {
    String tenant = TenantContext.require();
    Set<String> done = alreadyClaimed(Reminder.Kind.MANAGER_WEEKLY, now);
    String week = Reminder.Kind.MANAGER_WEEKLY.period(now);
    String name = tenantName(tenant);
    String link = Settings.tenantUrl(tenant, "manage/index.xhtml");
    List<Outgoing> mails = new ArrayList<>();
    for (Account manager : accounts.managers()) {
      if (done.contains(manager.id()) || !manager.role().includes(Role.MANAGER)) {
        continue; // learners may be someone's manager in an import, but only managers see (and get) a team report
      }
      List<TeamReport.Row> rows = teamReport.teamOf(manager.id(), now).stream().filter(TeamReport.Row::active).toList();
      if (!rows.isEmpty()) {
        mails.add(new Outgoing(manager.id(), Reminder.Kind.MANAGER_WEEKLY,
            (int) rows.stream().map(TeamReport.Row::accountId).distinct().count(),
            ReminderText.digest(manager.email(), manager.name(), name, week, rows, link)));
      }
    }
    return mails;
  }

  /** Claims the period's reminder for an account; empty when it was claimed before (by any run or node). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<String> claim(String accountId, Reminder.Kind kind, Instant now, int items) {
    if (find(accountId, kind, kind.period(now)).isPresent()) {
      return Optional.empty();
    }
    Reminder reminder = Reminder.claim(accountId, kind, now, items);
    em.persist(reminder);
    em.flush();
    return Optional.of(reminder.id());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markSent(String reminderId) {
    em.find(Reminder.class, reminderId).sent(clock.instant());
  }

  /** Gives a claim back after a failed send, so the next run tries again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(String reminderId) {
    Reminder reminder = em.find(Reminder.class, reminderId);
    if (reminder != null && reminder.sentAt() == null) {
      em.remove(reminder);
    }
  }

  /** The recorded reminder of an account for a period ({@code 2026-11-27} or {@code 2026-W48}), from the database. */
  public Optional<Reminder> find(String accountId, Reminder.Kind kind, String period) {
    return em.createNamedQuery(Reminder.FIND, Reminder.class).setParameter("account", accountId)
        .setParameter("kind", kind).setParameter("period", period).getResultStream().findFirst();
  }

  /** Every reminder recorded for an account, newest first. */
  public List<Reminder> of(String accountId) {
    return em.createNamedQuery(Reminder.FIND_BY_ACCOUNT, Reminder.class).setParameter("account", accountId)
        .getResultList();
  }

  private Run send(List<Outgoing> mails, Instant now) {
    if (!mailer.enabled()) {
      return new Run(0, 0, mails.size());
    }
    Reminders self = self();
    int sent = 0;
    int failed = 0;
    for (Outgoing outgoing : mails) {
      Optional<String> claimed;
      try {
        claimed = self.claim(outgoing.accountId(), outgoing.kind(), now, outgoing.items());
      } catch (EJBException raced) {
        continue; // another node claimed the same period first (unique key): it sends
      }
      if (claimed.isEmpty()) {
        continue;
      }
      try {
        mailer.send(outgoing.mail().to(), outgoing.mail().subject(), outgoing.mail().text());
      } catch (MessagingException | RuntimeException e) {
        self.release(claimed.get());
        failed++;
        LOG.warning(() -> "Tenant " + TenantContext.require() + ": " + outgoing.kind() + " e-mail to "
            + outgoing.mail().to() + " failed, tried again next run: " + e);
        continue;
      }
      self.markSent(claimed.get());
      sent++;
    }
    return new Run(sent, failed, 0);
  }

  private Set<String> alreadyClaimed(Reminder.Kind kind, Instant now) {
    return new HashSet<>(em.createNamedQuery(Reminder.FIND_ACCOUNTS_OF_PERIOD, String.class)
        .setParameter("kind", kind).setParameter("period", kind.period(now)).getResultList());
  }

  private String tenantName(String tenant) {
    return directory.bySlug(tenant).map(TenantConfig::name).orElse(tenant);
  }

  private Reminders self() {
    return context.getBusinessObject(Reminders.class);
  }
}
