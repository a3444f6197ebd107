package com.trustportal.sso.boundary;

import com.trustportal.enrolment.control.Seats;
import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.sso.boundary.SsoRefused.Reason;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a person the tenant's provider has vouched for into a signed-in account of the tenant: matched by e-mail
 * within the tenant only, the domain one the tenant allows, the account active. An unknown person gets an account
 * when the tenant has just-in-time provisioning on (role from the groups claim, a free seat required), and is
 * refused otherwise. The role of an existing account is the portal's: the groups set it once, at creation. Every
 * sign-in and every creation is in the tenant's audit trail.
 */
@Stateless
public class SsoSignIns {

  /** What the provider's ID token said about the person, claims already mapped by the tenant's settings. */
  public record Identity(String subject, String email, String name, List<String> groups) {

    public Identity {
      Objects.requireNonNull(subject);
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  @Inject @TenantData EntityManager em;
  @Inject TenantDirectory directory;
  @Inject AuditTrail audit;

  Clock clock = Clock.systemUTC();

  public SignedInUser signIn(Identity identity) {
    String tenant = TenantContext.require();
    TenantConfig config = directory.bySlug(tenant).orElseThrow();
    TenantConfig.Sso sso = config.sso()
        .orElseThrow(() -> new SsoRefused(Reason.NOT_CONFIGURED, "Single sign-on is not set up for " + config.name() + "."));
    if (identity.email() == null || !identity.email().contains("@")) {
      throw new SsoRefused(Reason.NO_EMAIL, "Your identity provider did not send an e-mail address, so "
          + config.name() + " cannot tell which account is yours. Ask your IT to release the e-mail claim.");
    }
    String email = Account.normalise(identity.email());
    if (!sso.allowsDomainOf(email)) {
      throw new SsoRefused(Reason.DOMAIN_NOT_ALLOWED, "Addresses like " + email + " cannot sign in to " + config.name()
          + ": its domain is not one the organisation allows.");
    }
    Optional<Account> found = byEmail(email);
    Account account;
    if (found.isPresent()) {
      account = found.get();
      em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
      if (!account.active()) {
        throw new SsoRefused(Reason.INACTIVE, "The account " + email + " of " + config.name()
            + " is deactivated. Ask your organisation's admin.");
      }
    } else {
      account = create(config, sso, identity, email);
    }
    account.signedIn(clock.instant());
    SignedInUser user = SignedInUser.of(tenant, account);
    audit.record(user, AuditEntry.Action.SSO_SIGN_IN, email, "signed in through " + sso.issuer());
    return user;
  }

  private Account create(TenantConfig config, TenantConfig.Sso sso, Identity identity, String email) {
    if (!sso.jit()) {
      throw new SsoRefused(Reason.NO_ACCOUNT, "There is no account for " + email + " at " + config.name()
          + ". Ask your organisation's admin to add you.");
    }
    Role role = role(sso, identity.groups());
    Seats.lock(em); // also the lock under which the check for a parallel first sign-in below cannot race
    Optional<Account> raced = byEmail(email);
    if (raced.isPresent()) {
      return raced.get(); // a parallel first sign-in of the same person created it while this one waited
    }
    if (role != Role.ADMIN && Seats.used(em) >= config.seats()) {
      throw new SsoRefused(Reason.NO_SEAT, "All " + config.seats() + " seats of " + config.name()
          + " are in use, so no account can be created for " + email + ". Ask your organisation's admin.");
    }
    String name = identity.name() == null || identity.name().isBlank() ? email : identity.name().strip();
    Account account = new Account(email, name.length() > 200 ? name.substring(0, 200) : name, role, null, clock.instant());
    em.persist(account);
    audit.record(SignedInUser.of(config.slug(), account), AuditEntry.Action.SSO_ACCOUNT_CREATED, email,
        "created on first sign-in through " + sso.issuer() + " as " + role.name().toLowerCase(java.util.Locale.ROOT)
            + (identity.groups().isEmpty() ? "" : " (groups: " + shorten(String.join(", ", identity.groups())) + ")"));
    return account;
  }

  /** The strongest role any of the person's groups maps to; learner when none does. */
  static Role role(TenantConfig.Sso sso, List<String> groups) {
    Role best = Role.LEARNER;
    for (String group : groups) {
      String mapped = sso.roles().get(group);
      if (mapped != null) {
        Role role = Role.valueOf(mapped.toUpperCase(java.util.Locale.ROOT));
        if (role.includes(best)) {
          best = role;
        }
      }
    }
    return best;
  }

  private static String shorten(String text) {
    return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
  }

  private Optional<Account> byEmail(String email) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class).setParameter("email", email).getResultStream()
        .findFirst();
  }
}
