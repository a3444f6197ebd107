package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.control.SecurityStates;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The person signed in to this request, checked against the account as it is now. The session keeps
 * the {@link SignedInUser} of the sign-in; it is honoured only while the account still exists, is
 * active, has the same security version and its tenant is still served. Otherwise the session is
 * invalidated and the request runs as anonymous (protected pages send it to sign-in). The account's
 * state is read from the database at most every {@link SecurityStates#TTL} per node, so a change on
 * another node of a cluster takes effect here within that time, and on this node at once.
 *
 * <p>The request filter, the authentication mechanism and {@link CurrentUser} all ask here; the answer
 * is kept for the rest of the request.
 */
@ApplicationScoped
public class LiveSession {

  private static final Logger LOG = Logger.getLogger("portal");
  private static final String CHECKED = LiveSession.class.getName();
  private static final Object ANONYMOUS = new Object();

  @Inject Accounts accounts;
  @Inject SecurityStates states;
  @Inject TenantDirectory directory;

  public Optional<SignedInUser> current(HttpServletRequest request) {
    Object checked = request.getAttribute(CHECKED);
    if (checked instanceof SignedInUser user) {
      return Optional.of(user);
    }
    if (checked == ANONYMOUS) {
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Object stored = session == null ? null : session.getAttribute(SignedInUser.SESSION_KEY);
    if (!(stored instanceof SignedInUser user)) {
      request.setAttribute(CHECKED, ANONYMOUS);
      return Optional.empty();
    }
    Optional<String> outer = TenantContext.current();
    if (outer.isPresent() && !outer.get().equals(user.tenant())) {
      // running for another tenant already: this account cannot be read here; anonymous for this request
      return Optional.empty();
    }
    if (stillValid(user)) {
      request.setAttribute(CHECKED, user);
      return Optional.of(user);
    }
    LOG.info(() -> "Tenant " + user.tenant() + ": a session of " + user.email() + " ended (account or tenant changed)");
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalidated) {
      // a parallel request of the same session ended it first
    }
    request.setAttribute(CHECKED, ANONYMOUS);
    return Optional.empty();
  }

  /** Puts a user who has just signed in (or changed their password) into the session and this request. */
  public void signedIn(HttpServletRequest request, SignedInUser user) {
    request.getSession(true).setAttribute(SignedInUser.SESSION_KEY, user);
    request.setAttribute(CHECKED, user);
  }

  /** The session was ended by this request (sign-out): the rest of the request is anonymous. */
  public void signedOut(HttpServletRequest request) {
    request.setAttribute(CHECKED, ANONYMOUS);
  }

  private boolean stillValid(SignedInUser user) {
    if (!Role.PLATFORM_TENANT.equals(user.tenant()) && directory.bySlug(user.tenant()).isEmpty()) {
      return false; // the tenant is no longer served
    }
    Optional<SecurityStates.State> state;
    try {
      state = states.get(user.tenant(), user.accountId(),
          () -> TenantContext.callAsUnchecked(user.tenant(), () -> accounts.securityState(user.accountId())));
    } catch (RuntimeException e) {
      // the database cannot be read (and so cannot be changed either): the last state this node read still holds,
      // so a learner mid-module gets "not saved, try again" rather than a sign-in page; never read here: 503
      state = DatabaseOutage.is(e) ? states.lastKnown(user.tenant(), user.accountId()) : Optional.empty();
      if (state.isEmpty()) {
        throw e;
      }
    }
    return state.filter(s -> s.active() && s.version() == user.securityVersion() && s.role() == user.role()).isPresent();
  }
}
