package com.trustportal.enrolment.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.enrolment.entity.Invitation;
import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.control.PasswordRules;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.LinkToken;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * New learners accept their invitation by choosing a password. A link works once and for
 * {@link Invitation#VALID_FOR}; it is found by the hash of its token, inside the current tenant only.
 */
@Stateless
public class Invitations {

  @Inject @TenantData EntityManager em;
  @Inject AuditTrail audit;

  Clock clock = Clock.systemUTC();

  /** The e-mail address an open (unused, unexpired) invitation is for. */
  public Optional<String> openFor(String token) {
    Instant now = clock.instant();
    return find(token).filter(i -> i.usedAt() == null && now.isBefore(i.expiresAt()))
        .map(i -> em.find(Account.class, i.accountId())).map(Account::email);
  }

  /** Sets the learner's first password and uses up the link; returns the e-mail to sign in with. */
  public String accept(String token, String password, String repeated) {
    PasswordRules.problem(password, repeated).ifPresent(problem -> {
      throw new InvitationRefused(problem);
    });
    Invitation invitation = find(token).orElseThrow(() -> new InvitationRefused(
        "This invitation link is not valid. Check that you copied all of it, or ask your admin for a new link."));
    em.lock(invitation, LockModeType.PESSIMISTIC_WRITE);
    try {
      invitation.use(clock.instant());
    } catch (IllegalStateException e) {
      throw new InvitationRefused(capitalised(e.getMessage()) + ".");
    }
    Account account = em.find(Account.class, invitation.accountId());
    if (account == null || !account.active()) {
      throw new InvitationRefused("This account is not active; ask your admin.");
    }
    try {
      account.setFirstPassword(PasswordHasher.hash(password));
    } catch (IllegalStateException e) {
      throw new InvitationRefused("This account already has a password; sign in with it.");
    }
    audit.record(new SignedInUser(TenantContext.require(), account.id(), account.email(), account.name(), account.role()),
        AuditEntry.Action.INVITATION_ACCEPTED, account.email(), "password set");
    return account.email();
  }

  private Optional<Invitation> find(String token) {
    if (!LinkToken.plausible(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Invitation.FIND_BY_TOKEN, Invitation.class).setParameter("hash", Invitation.hash(token.strip()))
        .getResultStream().findFirst();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
