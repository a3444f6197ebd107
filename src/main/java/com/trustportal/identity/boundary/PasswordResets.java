package com.trustportal.identity.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.control.PasswordRules;
import com.trustportal.identity.control.ResetRequestLimit;
import com.trustportal.identity.control.SignInThrottle;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.LinkToken;
import com.trustportal.identity.entity.PasswordReset;
import com.trustportal.identity.entity.PasswordResetRequested;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.platform.Mailer;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Self-service password reset by e-mail for the accounts of the current tenant. Asking for a link always ends the
 * same way, whether the address has an account, is deactivated, or is over its limit ({@link ResetRequestLimit}), so
 * the answer tells nothing about accounts; the mail itself goes out after the commit, in the background
 * ({@link PasswordResetMail}), so the mail server's time does not show either. A link is found by the hash of its
 * token inside the current tenant only, works once and for {@link PasswordReset#VALID_FOR}; using it sets the new
 * password, which ends every open session of the account.
 */
@Stateless
public class PasswordResets {

  private static final Logger LOG = Logger.getLogger("portal");
  static final String LINK_INVALID = "This link has expired or was used already; ask for a new one.";

  @Inject @TenantData EntityManager em;
  @Inject ResetRequestLimit limit;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject Mailer mailer;
  @Inject TenantDirectory directory;
  @Inject Event<PasswordResetRequested> requested;

  Clock clock = Clock.systemUTC();

  /** Whether reset links can be sent at all: only with an SMTP server in the settings. */
  public boolean available() {
    return mailer.enabled();
  }

  /**
   * Asks for a reset link for {@code email} from {@code clientAddress}. Returns normally in every case but bad input
   * and a portal without mail: only an active account of this tenant gets a link, within the limits.
   */
  public void request(String email, String clientAddress) {
    if (!available()) {
      throw new PasswordResetRefused(PasswordResetRefused.Reason.UNAVAILABLE, "Password reset by e-mail is not"
          + " available here. Ask your organisation's admin for help.");
    }
    if (email == null || email.isBlank() || email.strip().length() > 254 || !email.contains("@")) {
      throw new PasswordResetRefused(PasswordResetRefused.Reason.BAD_EMAIL,
          "Enter the e-mail address you sign in with, like name@example.com.");
    }
    String tenant = TenantContext.require();
    if (!limit.allows(tenant, email, clientAddress)) {
      LOG.info(() -> "Tenant " + tenant + ": password reset request over the limit, nothing sent");
      return;
    }
    Optional<Account> found = em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class)
        .setParameter("email", Account.normalise(email)).getResultStream().findFirst().filter(Account::active);
    if (found.isEmpty()) {
      return;
    }
    Account account = found.get();
    PasswordReset.Issued issued = PasswordReset.issue(account.id(), clock.instant());
    em.persist(issued.reset());
    requested.fire(new PasswordResetRequested(tenant, directory.bySlug(tenant).map(TenantConfig::name).orElse(tenant),
        account.email(), account.name(), issued.token()));
  }

  /** The e-mail address an open link is for: the link is this tenant's, unused, unexpired, its account active. */
  public Optional<String> openFor(String token) {
    Instant now = clock.instant();
    return find(token, LockModeType.NONE).filter(r -> r.open(now)).map(r -> em.find(Account.class, r.accountId()))
        .filter(Account::active).map(Account::email);
  }

  /**
   * Sets the new password with the link from {@code clientAddress} and uses the link up, together with every other
   * open link of the account. Every session of the account ends (the account's security version moves on). Returns
   * the e-mail address to sign in with.
   */
  public String reset(String token, String password, String repeated, String clientAddress) {
    Instant now = clock.instant();
    // the row lock makes two parallel uses of one link queue: the second sees it used
    PasswordReset reset = find(token, LockModeType.PESSIMISTIC_WRITE).filter(r -> r.open(now))
        .orElseThrow(() -> new PasswordResetRefused(PasswordResetRefused.Reason.LINK_INVALID, LINK_INVALID));
    Account account = em.find(Account.class, reset.accountId(), LockModeType.PESSIMISTIC_WRITE);
    if (account == null || !account.active()) {
      throw new PasswordResetRefused(PasswordResetRefused.Reason.LINK_INVALID, LINK_INVALID);
    }
    Optional<String> weak = PasswordRules.problem(password, repeated);
    if (weak.isPresent()) {
      throw new PasswordResetRefused(PasswordResetRefused.Reason.WEAK_PASSWORD, weak.get());
    }
    reset.use(now);
    em.createNamedQuery(PasswordReset.FIND_UNUSED_OF, PasswordReset.class).setParameter("account", account.id())
        .getResultList().forEach(other -> other.end(now));
    account.changePassword(PasswordHasher.hash(password));
    // the person proved they hold the mailbox: their own guesses from this address no longer slow them down
    throttle.succeeded(account.email(), clientAddress);
    audit.record(SignedInUser.of(TenantContext.require(), account), AuditEntry.Action.PASSWORD_RESET, account.email(),
        "password reset with an e-mailed link; every open session ended");
    return account.email();
  }

  private Optional<PasswordReset> find(String token, LockModeType lock) {
    if (!LinkToken.plausible(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(PasswordReset.FIND_BY_TOKEN, PasswordReset.class)
        .setParameter("hash", LinkToken.hash(token.strip())).setLockMode(lock).getResultStream().findFirst();
  }
}
