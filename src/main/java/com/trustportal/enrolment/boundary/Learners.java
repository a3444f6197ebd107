package com.trustportal.enrolment.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.enrolment.boundary.LearnerChangeRefused.Reason;
import com.trustportal.enrolment.control.Seats;
import com.trustportal.enrolment.control.LearnerCsv;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant admin's learner directory: one page at a time, sorted and filtered in the database (so it
 * stays fast with 10,000 learners); adding one learner (with an invitation) and editing one; a new
 * invitation link; deactivation / reactivation. Deactivating keeps the account's history and frees its
 * seat; adding and reactivating need a free seat, counted under the tenant's seat lock
 * ({@link Seats#lock}) so two admins adding at once cannot exceed the limit.
 */
@Stateless
public class Learners {

  /** Sortable columns: the page's names to the entity's fields (a whitelist: nothing else reaches the query). */
  private static final Map<String, String> SORTABLE = Map.of(
      "name", "a.name", "email", "a.email", "team", "a.team", "role", "a.role", "active", "a.active",
      "lastSignIn", "a.lastSignIn");

  @Inject @TenantData EntityManager em;
  @Inject TenantDirectory directory;
  @Inject AuditTrail audit;
  @Inject Catalog catalog;
  @Inject Completions completions;
  @Inject Event<LearnersInvited> invitedEvent;

  Clock clock = Clock.systemUTC();

  /** A learner just added, and the token of their invitation link (shown once, or e-mailed). */
  public record Added(Account account, String invitationToken) {}

  /** One page of the tenant's accounts whose name, e-mail or team contains {@code filter} (any case). */
  public List<Account> page(SignedInUser admin, int first, int max, String sortBy, boolean ascending, String filter) {
    requireAdmin(admin);
    String order = SORTABLE.getOrDefault(sortBy == null ? "name" : sortBy, "a.name");
    TypedQuery<Account> query = em.createQuery("select a from Account a" + where(filter) + " order by " + order
        + (ascending ? " asc" : " desc") + ", a.email", Account.class);
    bind(query, filter);
    return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
  }

  public long count(SignedInUser admin, String filter) {
    requireAdmin(admin);
    TypedQuery<Long> query = em.createQuery("select count(a) from Account a" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  /** One account of the tenant, or empty when there is none with this id here. */
  public java.util.Optional<Account> find(SignedInUser admin, String accountId) {
    requireAdmin(admin);
    return java.util.Optional.ofNullable(accountId == null ? null : em.find(Account.class, accountId));
  }

  /** Seats in use: active accounts that learn (learners and managers). */
  public long seatsUsed(SignedInUser admin) {
    requireAdmin(admin);
    return seatsUsed();
  }

  public void deactivate(SignedInUser admin, String accountId) {
    requireAdmin(admin);
    Account account = find(accountId);
    if (account.id().equals(admin.accountId())) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "you cannot deactivate your own account");
    }
    if (!account.active()) {
      return;
    }
    account.deactivate();
    audit.record(admin, AuditEntry.Action.LEARNER_DEACTIVATED, account.email(), account.name() + "; seat freed");
  }

  public void reactivate(SignedInUser admin, String accountId) {
    requireAdmin(admin);
    Account account = find(accountId);
    if (account.active()) {
      return;
    }
    if (account.role() != Role.ADMIN) {
      requireFreeSeat();
    }
    account.reactivate();
    audit.record(admin, AuditEntry.Action.LEARNER_REACTIVATED, account.email(), account.name());
  }

  /**
   * Adds one learner or manager with a one-time invitation to set a password (e-mailed after commit when
   * SMTP is set up). Refuses, naming the field: an invalid or already used e-mail, a bad name or team, an
   * unknown manager, the admin role, and a full tenant (no free seat).
   */
  public Added add(SignedInUser admin, NewLearner learner) {
    requireAdmin(admin);
    Objects.requireNonNull(learner, "learner");
    String email = email(learner.email());
    Fields fields = fields(learner, email);
    // under the seat lock, adds in this tenant run one at a time: the duplicate check below cannot race
    Seats.lock(em);
    Account existing = byEmail(email);
    if (existing != null) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "email: " + email + " already has an account in this organisation"
          + (existing.active() ? "" : " (deactivated: reactivate it instead)"));
    }
    Role role = learner.role() == null ? Role.LEARNER : learner.role();
    if (role == Role.ADMIN || role == Role.OPERATOR) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "role: a learner or a manager can be added here, not " + role);
    }
    requireFreeSeat();
    Instant now = clock.instant();
    Account account = new Account(email, fields.name(), role, null, now);
    account.moveToTeam(fields.team());
    em.persist(account);
    // the invitation and rounds refer to the account by id only: insert it first
    em.flush();
    account.reportTo(fields.manager());
    Invitation.Issued issued = Invitation.issue(account.id(), now, Invitation.VALID_FOR);
    em.persist(issued.invitation());
    setDue(account, learner.due());
    audit.record(admin, AuditEntry.Action.LEARNER_ADDED, email, describe(account)
        + (learner.due() == null ? "" : "; due " + learner.due()));
    audit.record(admin, AuditEntry.Action.INVITATION_CREATED, email, "expires in " + Invitation.VALID_FOR.toDays()
        + " days");
    invite(admin, account, issued.token());
    return new Added(account, issued.token());
  }

  /**
   * Changes a learner's name, team, manager, role and (when given) due date. The e-mail identifies the
   * account and is not changed here. An admin keeps their own role, and the last active admin stays an admin.
   */
  public Account edit(SignedInUser admin, String accountId, NewLearner changes) {
    requireAdmin(admin);
    Objects.requireNonNull(changes, "changes");
    Account account = find(accountId);
    if (changes.email() != null && !changes.email().isBlank()
        && !Account.normalise(LearnerCsv.clean(changes.email())).equals(account.email())) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "email: the e-mail address of an account cannot be changed; add a new learner"
          + " and deactivate this one");
    }
    Fields fields = fields(changes, account.email());
    Role role = changes.role() == null ? account.role() : changes.role();
    if (role != account.role() && (role == Role.ADMIN || role == Role.OPERATOR)) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "role: a learner or a manager can be given here, not " + role);
    }
    if (account.role() == Role.ADMIN && role != Role.ADMIN) {
      if (account.id().equals(admin.accountId())) {
        throw new LearnerChangeRefused(Reason.CONFLICT, "role: you cannot change your own role");
      }
      if (account.active() && em.createNamedQuery(Account.COUNT_ACTIVE_BY_ROLE, Long.class)
          .setParameter("role", Role.ADMIN).getSingleResult() <= 1) {
        throw new LearnerChangeRefused(Reason.CONFLICT, "role: " + account.email() + " is the organisation's last admin");
      }
    }
    String before = describe(account);
    if (account.active() && account.role() == Role.ADMIN && role != Role.ADMIN) {
      requireFreeSeat();
    }
    account.rename(fields.name());
    account.moveToTeam(fields.team());
    account.changeRole(role);
    if (fields.manager() != null && fields.manager().id().equals(account.id())) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "managerEmail: a learner cannot be their own manager");
    }
    account.reportTo(fields.manager());
    setDue(account, changes.due());
    String after = describe(account);
    audit.record(admin, AuditEntry.Action.LEARNER_EDITED, account.email(),
        (before.equals(after) ? "unchanged" : before + " → " + after) + (changes.due() == null ? "" : "; due " + changes.due()));
    return account;
  }

  /**
   * A new one-time link for an account that has not set its password yet (the old link lost or expired):
   * every unused earlier link stops working. Returns the new token (shown once, and e-mailed).
   */
  public String reissueInvitation(SignedInUser admin, String accountId) {
    requireAdmin(admin);
    Account account = find(accountId);
    if (account.passwordHash() != null) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "account: " + account.email() + " has already set a password; they sign in with it"
          + " (a forgotten password is reset, not re-invited)");
    }
    if (!account.active()) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "account: " + account.email() + " is deactivated; reactivate it first");
    }
    Instant now = clock.instant();
    long revoked = em.createNamedQuery(Invitation.FIND_UNUSED_OF, Invitation.class).setParameter("account", account.id())
        .getResultStream().filter(i -> i.revoke(now)).count();
    Invitation.Issued issued = Invitation.issue(account.id(), now, Invitation.VALID_FOR);
    em.persist(issued.invitation());
    audit.record(admin, AuditEntry.Action.INVITATION_REISSUED, account.email(), "new link, expires in "
        + Invitation.VALID_FOR.toDays() + " days; " + revoked + " earlier link(s) revoked");
    invite(admin, account, issued.token());
    return issued.token();
  }

  /** One account of the tenant, for the edit form. */
  public Account account(SignedInUser admin, String accountId) {
    return find(admin, accountId).orElseThrow(() -> new LearnerChangeRefused(Reason.NOT_FOUND, "account: no such account in this organisation"));
  }

  /** The tenant's active managers, to choose a learner's manager from. */
  public List<Account> managers(SignedInUser admin) {
    requireAdmin(admin);
    return em.createNamedQuery(Account.FIND_ACTIVE_BY_ROLE, Account.class).setParameter("role", Role.MANAGER)
        .getResultList();
  }

  /** The tenant's teams: every team name an account has. */
  public List<String> teams(SignedInUser admin) {
    requireAdmin(admin);
    return em.createNamedQuery(Account.FIND_TEAM_NAMES, String.class).getResultList();
  }

  private void requireFreeSeat() {
    TenantConfig tenant = directory.bySlug(TenantContext.require()).orElseThrow();
    if (!Seats.lockAndHasFree(em, tenant.seats())) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "seats: all " + tenant.seats() + " seats of " + tenant.name()
          + " are in use; deactivate someone first");
    }
  }

  private record Fields(String name, String team, Account manager) {}

  /** Checks the form's fields like the CSV import checks a row; the first problem is refused, naming its field. */
  private Fields fields(NewLearner learner, String email) {
    String name = learner.name() == null ? "" : LearnerCsv.clean(learner.name());
    if (name.isEmpty()) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "name: a name is required");
    }
    refuseText("name", name, 2 * LearnerCsv.MAX_NAME + 1);
    String team = learner.team() == null ? null : LearnerCsv.clean(learner.team());
    if (team != null && team.isEmpty()) {
      team = null;
    }
    if (team != null) {
      refuseText("team", team, LearnerCsv.MAX_TEAM);
    }
    Account manager = null;
    if (learner.managerEmail() != null && !learner.managerEmail().isBlank()) {
      String managerEmail = Account.normalise(LearnerCsv.clean(learner.managerEmail()));
      if (managerEmail.equals(email)) {
        throw new LearnerChangeRefused(Reason.INVALID_FIELD, "managerEmail: a learner cannot be their own manager");
      }
      manager = byEmail(managerEmail);
      if (manager == null || !manager.active()) {
        throw new LearnerChangeRefused(Reason.UNKNOWN_REFERENCE, "managerEmail: no active account of this organisation has the e-mail "
            + managerEmail);
      }
    }
    return new Fields(name, team, manager);
  }

  private static String email(String value) {
    String email = value == null ? "" : LearnerCsv.clean(value);
    if (email.isEmpty()) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "email: an e-mail address is required");
    }
    if (!LearnerCsv.isEmail(email)) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "email: not an e-mail address: " + (email.length() > 60 ? email.substring(0, 60)
          + "…" : email));
    }
    return Account.normalise(email);
  }

  private static void refuseText(String field, String value, int max) {
    List<String> problems = LearnerCsv.textProblems(value, max);
    if (!problems.isEmpty()) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, field + ": " + problems.get(0));
    }
  }

  private Account byEmail(String email) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class).setParameter("email", email)
        .getResultStream().findFirst().orElse(null);
  }

  private void setDue(Account account, LocalDate due) {
    if (due != null) {
      Instant at = endOf(due);
      for (Course course : catalog.offeredTo(TenantContext.require())) {
        completions.setDue(account.id(), course.id(), at);
      }
    }
  }

  /** A due date means "by the end of that day" (UTC), as in the CSV import. */
  static Instant endOf(LocalDate due) {
    return due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }

  private void invite(SignedInUser admin, Account account, String token) {
    invitedEvent.fire(new LearnersInvited(admin.tenant(), directory.bySlug(admin.tenant()).map(TenantConfig::name)
        .orElse(admin.tenant()), List.of(new LearnersInvited.Invitee(account.email(), account.name(), token))));
  }

  private static String describe(Account account) {
    List<String> parts = new ArrayList<>();
    parts.add(account.name());
    parts.add(account.role().name().toLowerCase(Locale.ROOT));
    parts.add("team " + (account.team() == null ? "none" : account.team()));
    parts.add("manager " + (account.manager() == null ? "none" : account.manager().email()));
    return String.join(", ", parts);
  }

  private Account find(String accountId) {
    Account account = accountId == null ? null : em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new LearnerChangeRefused(Reason.NOT_FOUND, "account: no such account in this organisation");
    }
    return account;
  }

  private long seatsUsed() {
    return Seats.used(em);
  }

  private static String where(String filter) {
    return filter == null || filter.isBlank() ? ""
        : " where lower(a.name) like :like escape '\\' or a.email like :like escape '\\'"
            + " or lower(a.team) like :like escape '\\'";
  }

  private static void bind(TypedQuery<?> query, String filter) {
    if (filter != null && !filter.isBlank()) {
      String escaped = filter.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      query.setParameter("like", "%" + escaped + "%");
    }
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins manage learners");
  }
}
