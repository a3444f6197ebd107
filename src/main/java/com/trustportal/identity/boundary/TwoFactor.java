package com.trustportal.identity.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.control.RecoveryCodes;
import com.trustportal.identity.control.SignInThrottle;
import com.trustportal.identity.control.Totp;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.PendingSignIn;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two-factor sign-in for local accounts: enrolment (a new TOTP secret, confirmed by a code from it, then ten
 * recovery codes shown once), the second step of a sign-in (a code, or a recovery code, each good once), and turning
 * it off (with a current code or the password, unless the tenant requires it for the account's role). Code guesses
 * count in {@link SignInThrottle} under the account, in a scope of their own that a right password does not reset.
 */
@Stateless
public class TwoFactor {

  /** What the person types into their authenticator app: the secret, and the same as an {@code otpauth://} URI. */
  public record Enrolment(String secret, String uri) implements java.io.Serializable {}

  /** The state shown on one's own two-factor page. */
  public record Status(boolean enabled, boolean required, int recoveryCodesLeft) implements java.io.Serializable {}

  @Inject @TenantData EntityManager em;
  @Inject SignInThrottle throttle;
  @Inject AuditTrail audit;
  @Inject TenantDirectory directory;

  Clock clock = Clock.systemUTC();

  /** Whether the tenant's {@code security.two_factor} names the account's role (never for the operator today). */
  static boolean requiredFor(TenantDirectory directory, String tenant, Account account) {
    return directory.bySlug(tenant).map(TenantConfig::security)
        .filter(s -> s.requiresTwoFactor(account.role().name())).isPresent();
  }

  public Status status(SignedInUser user) {
    Account account = own(user);
    return new Status(account.hasTwoFactor(), requiredFor(directory, user.tenant(), account), account.recoveryCodesLeft());
  }

  /**
   * Starts enrolment from one's own page: a new secret, in force once a code from it confirms it. Replacing a
   * second factor that is already on needs the same proof as turning it off (a current code or the password): a
   * session left open on a shared computer must not be enough to move the factor to someone else's phone.
   */
  public Enrolment begin(SignedInUser user, String proof, String clientAddress) {
    Account account = own(user);
    if (account.hasTwoFactor()) {
      requireProof(account, proof, clientAddress);
    }
    return begin(account);
  }

  /** Confirms one's own enrolment with a code from the new secret; returns the recovery codes, shown once. */
  public List<String> confirm(SignedInUser user, String code, String clientAddress) {
    Account account = own(user);
    String key = throttleKey(account);
    refuseWhileThrottled(key, clientAddress);
    OptionalLong step = account.totpPending() == null ? OptionalLong.empty()
        : new Totp(clock).accepted(account.totpPending(), code, account.totpLastStep());
    if (step.isEmpty()) {
      throttle.failed(key, clientAddress);
      throw new AccountRefused(AccountRefused.Reason.WRONG_CODE, "That code is not right. Enter the code your app shows now.");
    }
    throttle.succeeded(key, clientAddress);
    return enable(account, step.getAsLong(), user);
  }

  /** Turns the second factor off, with a current code or the password; refused when the tenant requires it. */
  public void disable(SignedInUser user, String codeOrPassword, String clientAddress) {
    Account account = own(user);
    if (requiredFor(directory, user.tenant(), account)) {
      throw new AccountRefused(AccountRefused.Reason.TWO_FACTOR_REQUIRED,
          "Your organisation requires two-factor sign-in for your role; it cannot be turned off.");
    }
    if (!account.hasTwoFactor()) {
      return;
    }
    requireProof(account, codeOrPassword, clientAddress);
    account.removeTwoFactor();
    audit.record(user, AuditEntry.Action.TWO_FACTOR_DISABLED, account.email(), "two-factor sign-in turned off");
  }

  /**
   * Starts the enrolment a half-signed-in account must make before anything else (its role requires a second
   * factor); empty when the half-signed-in state is no longer good.
   */
  public Optional<Enrolment> beginRequired(PendingSignIn pending) {
    Account account = pendingAccount(pending);
    if (account == null || !pending.mustEnrol()) {
      return Optional.empty();
    }
    return Optional.of(begin(account));
  }

  /**
   * The second step of a sign-in: a code from the app (or, for an enrolment, from the new secret), or an unused
   * recovery code. Wrong answers are throttled per account and client address.
   */
  public SecondStepResult complete(PendingSignIn pending, String code, String clientAddress) {
    Account account = pendingAccount(pending);
    if (account == null) {
      return SecondStepResult.expired();
    }
    String key = throttleKey(account);
    Optional<Duration> wait = throttle.refusal(key, clientAddress);
    if (wait.isPresent()) {
      return SecondStepResult.refused(wait);
    }
    String typed = code == null ? "" : code.strip();
    SignedInUser user = SignedInUser.of(pending.tenant(), account);
    List<String> recoveryCodes = List.of();
    if (pending.mustEnrol()) {
      OptionalLong step = account.totpPending() == null ? OptionalLong.empty()
          : new Totp(clock).accepted(account.totpPending(), typed, account.totpLastStep());
      if (step.isEmpty()) {
        return SecondStepResult.refused(throttle.failed(key, clientAddress));
      }
      recoveryCodes = enable(account, step.getAsLong(), user);
    } else if (RecoveryCodes.looksLikeOne(typed)) {
      if (!account.useRecoveryCode(RecoveryCodes.hash(typed))) {
        return SecondStepResult.refused(throttle.failed(key, clientAddress));
      }
      audit.record(user, AuditEntry.Action.RECOVERY_CODE_USED, account.email(), "signed in with a recovery code; "
          + account.recoveryCodesLeft() + " left");
    } else {
      OptionalLong step = new Totp(clock).accepted(account.totpSecret(), typed, account.totpLastStep());
      if (step.isEmpty()) {
        return SecondStepResult.refused(throttle.failed(key, clientAddress));
      }
      account.usedCodeOf(step.getAsLong());
    }
    throttle.succeeded(key, clientAddress);
    account.signedIn(clock.instant());
    return SecondStepResult.signedIn(SignedInUser.of(pending.tenant(), account), recoveryCodes);
  }

  private Enrolment begin(Account account) {
    String secret = Totp.newSecret();
    account.beginTwoFactor(secret);
    String issuer = directory.bySlug(TenantContext.require()).map(TenantConfig::name).orElse("Trust Portal");
    return new Enrolment(secret, Totp.uri(issuer, account.email(), secret));
  }

  private List<String> enable(Account account, long step, SignedInUser actor) {
    List<String> codes = RecoveryCodes.generate();
    account.confirmTwoFactor(step, codes.stream().map(RecoveryCodes::hash).toList());
    audit.record(actor, AuditEntry.Action.TWO_FACTOR_ENABLED, account.email(), "two-factor sign-in turned on, "
        + codes.size() + " new recovery codes");
    return codes;
  }

  /** The account of a half-signed-in session, locked, or null when that state is no longer good. */
  private Account pendingAccount(PendingSignIn pending) {
    if (pending == null) {
      return null;
    }
    String tenant = TenantContext.require();
    if (!pending.tenant().equals(tenant)) {
      return null;
    }
    Account account = em.find(Account.class, pending.accountId(), LockModeType.PESSIMISTIC_WRITE);
    return pending.validFor(tenant, account, clock.instant()) ? account : null;
  }

  private Account own(SignedInUser user) {
    if (user == null || !user.tenant().equals(TenantContext.require()) || !user.has(Role.LEARNER)) {
      throw new SecurityException("sign in first");
    }
    Account account = em.find(Account.class, user.accountId(), LockModeType.PESSIMISTIC_WRITE);
    if (account == null || !account.acceptsSession(user.securityVersion())) {
      throw new SecurityException("this session has ended; sign in again");
    }
    return account;
  }

  private void refuseWhileThrottled(String key, String clientAddress) {
    Optional<Duration> wait = throttle.refusal(key, clientAddress);
    if (wait.isPresent()) {
      throw new AccountRefused(AccountRefused.Reason.THROTTLED, "Too many attempts. Try again in "
          + Accounts.seconds(wait.get()) + " seconds.");
    }
  }

  /** Code guesses count per account (and client address), apart from password guesses. */
  private static String throttleKey(Account account) {
    return "two-factor:" + account.id();
  }

  /** A current code of the factor in force (used up, so it cannot be replayed) or the password; throttled like sign-in. */
  private void requireProof(Account account, String codeOrPassword, String clientAddress) {
    String key = throttleKey(account);
    refuseWhileThrottled(key, clientAddress);
    String typed = codeOrPassword == null ? "" : codeOrPassword.strip();
    OptionalLong step = new Totp(clock).accepted(account.totpSecret(), typed, account.totpLastStep());
    if (step.isEmpty() && !PasswordHasher.verify(codeOrPassword == null ? "" : codeOrPassword, account.passwordHash())) {
      throttle.failed(key, clientAddress);
      throw new AccountRefused(AccountRefused.Reason.WRONG_CODE, "Enter a current code from your app, or your password.");
    }
    step.ifPresent(account::usedCodeOf);
    throttle.succeeded(key, clientAddress);
  }
}
