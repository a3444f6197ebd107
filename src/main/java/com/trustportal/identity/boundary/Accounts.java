package com.trustportal.identity.boundary;

import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in and account queries of the current tenant. Unknown e-mail, wrong password, inactive or
 * throttled account all give the same empty answer after the same work, so the response never
 * tells whether an address has an account.
 */
@Stateless
public class Accounts {

  @Inject @TenantData EntityManager em;

  Clock clock = Clock.systemUTC();

  public Optional<SignedInUser> signIn(String email, String password) {
    Instant now = clock.instant();
    Optional<Account> found = byEmail(email);
    if (found.isEmpty()) {
      PasswordHasher.burnEqualTime(password);
      return Optional.empty();
    }
    Account account = found.get();
    if (!account.canSignIn(now)) {
      PasswordHasher.burnEqualTime(password);
      return Optional.empty();
    }
    boolean matches = PasswordHasher.verify(password, account.passwordHash());
    // Parallel sign-ins of one account (two tabs, a retried request) each update this row: take the
    // row lock and re-read it, so they queue instead of failing on the version, and no failed
    // attempt is lost from the count.
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    if (!matches) {
      account.failedSignIn(now);
      return Optional.empty();
    }
    if (!account.canSignIn(now)) {
      return Optional.empty(); // locked by a parallel attempt while this one was hashing
    }
    account.signedIn(now);
    return Optional.of(new SignedInUser(
        TenantContext.require(), account.id(), account.email(), account.name(), account.role()));
  }

  public Optional<Account> byEmail(String email) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class)
        .setParameter("email", Account.normalise(email))
        .getResultStream()
        .findFirst();
  }

  public List<Account> all() {
    return em.createNamedQuery(Account.FIND_ALL, Account.class).getResultList();
  }

  public Optional<Account> byId(String accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId));
  }

  /** Active accounts with at least one active direct report (the managers' weekly digest). */
  public List<Account> managers() {
    return em.createNamedQuery(Account.FIND_MANAGERS, Account.class).getResultList();
  }

  /** Direct reports of a manager, or nothing when the id is not a manager of this tenant. */
  public List<Account> team(String managerId) {
    Account manager = em.find(Account.class, managerId);
    if (manager == null) {
      return List.of();
    }
    return em.createNamedQuery(Account.FIND_TEAM, Account.class).setParameter("manager", manager).getResultList();
  }
}
