package com.trustportal.enrolment.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.enrolment.control.Seats;
import com.trustportal.enrolment.control.CsvProblem;
import com.trustportal.enrolment.control.ImportProgress;
import com.trustportal.enrolment.control.LearnerCsv;
import com.trustportal.enrolment.control.LearnerRow;
import com.trustportal.enrolment.control.ParsedCsv;
import com.trustportal.enrolment.entity.Invitation;
import com.trustportal.enrolment.entity.LearnersInvited;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The bulk CSV import of a tenant's learners. {@link #preview} says what every row would do (create,
 * update, reactivate, unchanged) and lists every problem with row and column, writing nothing;
 * {@link #confirm} checks the same file again against the database as it is now and then writes all
 * rows in this one transaction, or none. New learners get a one-time invitation to set a password.
 */
@Stateless
public class Enrolment {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject @TenantData EntityManager em;
  @Inject TenantDirectory directory;
  @Inject Catalog catalog;
  @Inject Completions completions;
  @Inject AuditTrail audit;
  @Inject Event<LearnersInvited> invitedEvent;

  Clock clock = Clock.systemUTC();

  /** What one row will do. */
  public enum Outcome {
    CREATE("create"), UPDATE("update"), REACTIVATE("reactivate"), UNCHANGED("unchanged");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One row of the preview. */
  public record RowPreview(int row, String email, String name, String team, String managerEmail, LocalDate due,
      Outcome outcome, String changes) {}

  /** The whole preview: rows, problems (nothing is written while there is one), and seats. */
  public record Preview(List<RowPreview> rows, List<CsvProblem> problems, int seats, long seatsUsedBefore,
      long seatsUsedAfter) {

    public boolean ok() {
      return problems.isEmpty();
    }

    public long count(Outcome outcome) {
      return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
  }

  /** A new learner's invitation token, shown once to the admin (or sent by e-mail). */
  public record Invited(String email, String name, String token) {}

  /** What an import wrote. */
  public record Imported(long created, long updated, long unchanged, List<Invited> invitations) {}

  /** Reads and checks the file against the tenant's accounts and seats; writes nothing. */
  public Preview preview(SignedInUser admin, byte[] csv) {
    return preview(admin, csv, ImportProgress.NONE);
  }

  /** The same, reporting rows checked to {@code progress}. */
  public Preview preview(SignedInUser admin, byte[] csv, ImportProgress progress) {
    requireAdmin(admin);
    return check(csv, accountsByEmail(), progress);
  }

  /** Checks again and imports every row, or throws {@link ImportRefused} and writes nothing. */
  public Imported confirm(SignedInUser admin, byte[] csv) {
    return confirm(admin, csv, ImportProgress.NONE);
  }

  /** The same, reporting rows checked and written to {@code progress}. */
  public Imported confirm(SignedInUser admin, byte[] csv, ImportProgress progress) {
    requireAdmin(admin);
    // seats are counted under the tenant's seat lock, like a single add, so a parallel add cannot overbook
    Seats.lock(em);
    Map<String, Account> byEmail = accountsByEmail();
    Preview preview = check(csv, byEmail, progress);
    if (!preview.ok()) {
      throw new ImportRefused(preview);
    }
    Instant now = clock.instant();
    List<Invited> invited = new ArrayList<>();
    List<Course> courses = catalog.offeredTo(TenantContext.require());
    int total = preview.rows().size();
    int done = 0;
    Map<String, Account> before = new HashMap<>(byEmail);
    for (RowPreview row : preview.rows()) {
      if (++done % ImportProgress.EVERY == 0) {
        progress.at("writing", done / 2, total);
      }
      Account account = byEmail.get(row.email());
      if (row.outcome() == Outcome.CREATE) {
        account = new Account(row.email(), row.name(), Role.LEARNER, null, now);
        // a manager who already has an account is set before the insert (one INSERT, not INSERT + UPDATE)
        Account manager = row.managerEmail() == null ? null : before.get(row.managerEmail());
        if (manager != null) {
          account.reportTo(manager);
        }
        em.persist(account);
        byEmail.put(row.email(), account);
      } else if (row.outcome() == Outcome.REACTIVATE) {
        account.reactivate();
      }
      if (row.outcome() != Outcome.UNCHANGED) {
        account.rename(row.name());
        account.moveToTeam(row.team());
      }
    }
    // the rows below refer to the new accounts by id only: insert the accounts first
    em.flush();
    // managers last: a row may name a manager that a later row creates
    Map<LocalDate, List<String>> dueDates = new HashMap<>();
    for (RowPreview row : preview.rows()) {
      if (++done % ImportProgress.EVERY == 0) {
        progress.at("writing", done / 2, total);
      }
      Account account = byEmail.get(row.email());
      if (row.outcome() == Outcome.CREATE) {
        Invitation.Issued issued = Invitation.issue(account.id(), now, Invitation.VALID_FOR);
        em.persist(issued.invitation());
        invited.add(new Invited(row.email(), row.name(), issued.token()));
      }
      Account manager = row.managerEmail() == null ? null : byEmail.get(row.managerEmail());
      if (account.manager() != manager) {
        account.reportTo(manager);
      }
      if (row.due() != null) {
        dueDates.computeIfAbsent(row.due(), d -> new ArrayList<>()).add(account.id());
      }
    }
    // due dates: one query per course and date, not one per row (a query per row made EclipseLink flush
    // and check every managed object each time: 58 s for 10,000 rows)
    dueDates.forEach((due, ids) -> courses.forEach(course -> completions.setDue(ids, course.id(), Learners.endOf(due))));
    progress.at("writing", total, total);
    em.flush();
    Imported imported = new Imported(preview.count(Outcome.CREATE),
        preview.count(Outcome.UPDATE) + preview.count(Outcome.REACTIVATE), preview.count(Outcome.UNCHANGED), invited);
    audit.record(admin, AuditEntry.Action.LEARNERS_IMPORTED, preview.rows().size() + " row(s) imported",
        imported.created() + " created, " + imported.updated() + " updated, " + imported.unchanged() + " unchanged");
    for (Invited i : invited) {
      audit.record(admin, AuditEntry.Action.INVITATION_CREATED, i.email(), "expires in " + Invitation.VALID_FOR.toDays()
          + " days");
    }
    invitedEvent.fire(new LearnersInvited(admin.tenant(), directory.bySlug(admin.tenant()).map(TenantConfig::name)
        .orElse(admin.tenant()), invited.stream().map(i -> new LearnersInvited.Invitee(i.email(), i.name(), i.token()))
        .toList()));
    LOG.info(() -> "Tenant " + admin.tenant() + ": " + admin.email() + " imported " + preview.rows().size() + " row(s)");
    return imported;
  }

  /** Checks the file against the tenant's accounts ({@code byEmail}, read once per call and not changed here). */
  private Preview check(byte[] csv, Map<String, Account> byEmail, ImportProgress progress) {
    TenantConfig tenant = directory.bySlug(TenantContext.require()).orElseThrow();
    progress.at("reading", 0, 0);
    ParsedCsv parsed = LearnerCsv.parse(csv);
    int total = parsed.rows().size();
    int done = 0;
    List<CsvProblem> problems = new ArrayList<>(parsed.problems());
    Map<String, LearnerRow> inFile = new LinkedHashMap<>();
    parsed.rows().forEach(r -> inFile.put(r.email(), r));
    long used = byEmail.values().stream().filter(Account::takesASeat).count();
    long after = used;
    List<RowPreview> rows = new ArrayList<>();
    for (LearnerRow row : parsed.rows()) {
      if (++done % ImportProgress.EVERY == 0) {
        progress.at("checking", done, total);
      }
      String name = (row.firstName() + " " + row.lastName()).strip();
      Account existing = byEmail.get(row.email());
      if (row.managerEmail() != null) {
        if (row.managerEmail().equals(row.email())) {
          problems.add(new CsvProblem(row.row(), parsed.column("manager email"), "manager email",
              "a learner cannot be their own manager"));
        } else if (!byEmail.containsKey(row.managerEmail()) && !inFile.containsKey(row.managerEmail())) {
          problems.add(new CsvProblem(row.row(), parsed.column("manager email"), "manager email",
              "unknown manager " + row.managerEmail() + ": no account and no row in this file has this e-mail"));
        }
      }
      if (existing != null && existing.role() == Role.ADMIN) {
        problems.add(new CsvProblem(row.row(), parsed.column("email"), "email",
            row.email() + " is an admin account; admins are not changed by an import"));
        continue;
      }
      Outcome outcome;
      String changes;
      if (existing == null) {
        outcome = Outcome.CREATE;
        changes = "new learner, invited to set a password";
      } else {
        changes = changes(existing, name, row);
        outcome = !existing.active() ? Outcome.REACTIVATE : changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE;
        if (outcome == Outcome.REACTIVATE) {
          changes = "reactivated" + (changes.isEmpty() ? "" : "; " + changes);
        }
      }
      if (outcome == Outcome.CREATE || outcome == Outcome.REACTIVATE) {
        after++;
        if (after > tenant.seats()) {
          problems.add(new CsvProblem(row.row(), parsed.column("email"), "email", "over the seat limit: "
              + tenant.name() + " has " + tenant.seats() + " seats and " + used + " are in use; this row would need seat "
              + after));
        }
      }
      rows.add(new RowPreview(row.row(), row.email(), name, row.team(), row.managerEmail(), row.dueDate(), outcome,
          changes));
    }
    problems.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.column(), b.column()));
    return new Preview(rows, problems, tenant.seats(), used, after);
  }

  private static String changes(Account existing, String name, LearnerRow row) {
    List<String> changes = new ArrayList<>();
    if (!existing.name().equals(name)) {
      changes.add("name " + existing.name() + " → " + name);
    }
    if (!Objects.equals(existing.team(), row.team())) {
      changes.add("team " + (existing.team() == null ? "none" : existing.team()) + " → "
          + (row.team() == null ? "none" : row.team()));
    }
    String manager = existing.manager() == null ? null : existing.manager().email();
    if (!Objects.equals(manager, row.managerEmail())) {
      changes.add("manager " + (manager == null ? "none" : manager) + " → "
          + (row.managerEmail() == null ? "none" : row.managerEmail()));
    }
    if (row.dueDate() != null) {
      changes.add("due " + row.dueDate());
    }
    return String.join("; ", changes);
  }

  private Map<String, Account> accountsByEmail() {
    Map<String, Account> byEmail = new HashMap<>();
    em.createNamedQuery(Account.FIND_ALL, Account.class).getResultList().forEach(a -> byEmail.put(a.email(), a));
    return byEmail;
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins enrol learners");
  }
}
