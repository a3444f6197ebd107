package com.trustportal.enrolment.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tenant admin's learner directory: one page at a time, sorted and filtered in the database (so it
 * stays fast with 10,000 learners), and deactivation / reactivation. Deactivating keeps the account's
 * history and frees its seat; reactivating needs a free seat.
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
      throw new LearnerChangeRefused("you cannot deactivate your own account");
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
    TenantConfig tenant = directory.bySlug(TenantContext.require()).orElseThrow();
    long used = seatsUsed();
    if (account.role() != Role.ADMIN && used >= tenant.seats()) {
      throw new LearnerChangeRefused("all " + tenant.seats() + " seats are in use; deactivate someone first");
    }
    account.reactivate();
    audit.record(admin, AuditEntry.Action.LEARNER_REACTIVATED, account.email(), account.name());
  }

  private Account find(String accountId) {
    Account account = accountId == null ? null : em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new LearnerChangeRefused("no such account in this organisation");
    }
    return account;
  }

  private long seatsUsed() {
    return em.createNamedQuery(Account.COUNT_SEATS, Long.class).getSingleResult();
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
