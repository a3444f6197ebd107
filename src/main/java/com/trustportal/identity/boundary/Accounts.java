package com.trustportal.identity.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.control.PasswordRules;
import com.trustportal.identity.control.SecurityStates;
import com.trustportal.identity.control.SignInThrottle;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.PendingSignIn;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in, the account's security state that sessions are checked against, ending sessions, and
 * account queries of the current tenant. Unknown e-mail, wrong password and inactive account all give
 * the same empty answer after the same work, so the response never tells whether an address has an
 * account; guessing is slowed per client address by {@link SignInThrottle}. A right password for an account with a
 * second factor (or whose role requires one) does not sign in: it starts the second step ({@link TwoFactor}).
 */
@Stateless
public class Accounts {

  @Inject @TenantData EntityManager em;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject TenantDirectory directory;

  Clock clock = Clock.systemUTC();

  /** Signs in with e-mail and password from {@code clientAddress} (see {@code identity.web.ClientAddress}). */
  public SignInResult signIn(String email, String password, String clientAddress) {
    Optional<Duration> wait = throttle.refusal(email, clientAddress);
    if (wait.isPresent()) {
      return SignInResult.refused(wait);
    }
    Optional<Account> found = email == null ? Optional.empty() : byEmail(email).filter(Account::canSignIn);
    if (found.isEmpty()) {
      PasswordHasher.burnEqualTime(password == null ? "" : password);
      return SignInResult.refused(throttle.failed(email, clientAddress));
    }
    Account account = found.get();
    if (!PasswordHasher.verify(password == null ? "" : password, account.passwordHash())) {
      return SignInResult.refused(throttle.failed(email, clientAddress));
    }
    if (account.role() != Role.ADMIN && !directory.bySlug(TenantContext.require())
        .map(TenantConfig::allowsLocalPasswords).orElse(true)) {
      // the tenant signs in through its identity provider only; its admins keep their passwords as the way in
      // when the provider is down or misconfigured. Checked after the hash, so the answer takes the same time.
      return SignInResult.refused(Optional.empty());
    }
    // Parallel sign-ins of one account (two tabs, a retried request) each write the last sign-in: take
    // the row lock and re-read it, so they queue instead of failing on the row version.
    String checked = account.passwordHash();
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    if (!account.canSignIn() || !checked.equals(account.passwordHash())) {
      return SignInResult.refused(Optional.empty()); // changed by a parallel request while this one was hashing
    }
    throttle.succeeded(email, clientAddress);
    boolean mustEnrol = !account.hasTwoFactor() && TwoFactor.requiredFor(directory, TenantContext.require(), account);
    if (account.hasTwoFactor() || mustEnrol) {
      // not signed in yet: the session gets a half-signed-in entry that grants nothing until the second step
      return SignInResult.secondStep(PendingSignIn.of(TenantContext.require(), account, clock.instant(), mustEnrol));
    }
    account.signedIn(clock.instant());
    return SignInResult.signedIn(SignedInUser.of(TenantContext.require(), account));
  }

  /**
   * What a session of this account is checked against, read from the database in a transaction of its
   * own (the caller may be anywhere in a request); empty when the account is gone.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<SecurityStates.State> securityState(String accountId) {
    return byId(accountId).map(a -> new SecurityStates.State(a.securityVersion(), a.role(), a.active()));
  }

  /** An admin ends every open session of one account of the tenant (for example a lost laptop). */
  public void endSessions(SignedInUser admin, String accountId) {
    SignedInUser.require(admin, TenantContext.require(), Role.ADMIN, "only the organisation's admins end other people's sessions");
    Account account = accountId == null ? null : em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new AccountRefused(AccountRefused.Reason.NO_SUCH_ACCOUNT, "account: no such account in this organisation");
    }
    account.endSessions();
    audit.record(admin, AuditEntry.Action.SESSIONS_ENDED, account.email(), "every open session of " + account.name()
        + " was ended");
  }

  /** Signs the person out on every device and browser, this one included. */
  public void endOwnSessions(SignedInUser user) {
    Account account = own(user);
    account.endSessions();
  }

  /**
   * Changes one's own password, after checking the current one: every other session ends. Returns the
   * session entry for the caller's own session, which goes on with the new version.
   */
  public SignedInUser changePassword(SignedInUser user, String current, String chosen, String repeated, String clientAddress) {
    Account account = own(user);
    Optional<String> weak = PasswordRules.problem(chosen, repeated);
    if (weak.isPresent()) {
      throw new AccountRefused(AccountRefused.Reason.WEAK_PASSWORD, weak.get());
    }
    Optional<Duration> wait = throttle.refusal(account.email(), clientAddress);
    if (wait.isPresent()) {
      throw new AccountRefused(AccountRefused.Reason.THROTTLED, "Too many attempts. Try again in "
          + seconds(wait.get()) + " seconds.");
    }
    if (!PasswordHasher.verify(current == null ? "" : current, account.passwordHash())) {
      throttle.failed(account.email(), clientAddress);
      throw new AccountRefused(AccountRefused.Reason.WRONG_PASSWORD, "The current password is not right.");
    }
    account.changePassword(PasswordHasher.hash(chosen));
    return SignedInUser.of(TenantContext.require(), account);
  }

  /** Whole seconds to wait, rounded up (a wait of 0.2 s reads "1 second", never "0"). */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private Account own(SignedInUser user) {
    if (user == null || !user.tenant().equals(TenantContext.require())) {
      throw new SecurityException("sign in first");
    }
    Account account = em.find(Account.class, user.accountId(), LockModeType.PESSIMISTIC_WRITE);
    if (account == null || !account.acceptsSession(user.securityVersion())) {
      throw new SecurityException("this session has ended; sign in again");
    }
    return account;
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
    return Optional.ofNullable(accountId == null ? null : em.find(Account.class, accountId));
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
