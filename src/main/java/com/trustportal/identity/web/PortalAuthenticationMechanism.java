package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.boundary.SecondStepResult;
import com.trustportal.identity.boundary.SignInResult;
import com.trustportal.identity.boundary.TwoFactor;
import com.trustportal.identity.entity.PendingSignIn;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.platform.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Jakarta Security form sign-in, per tenant. The sign-in page calls
 * {@code SecurityContext.authenticate} with the e-mail and password; this mechanism checks them
 * against the current tenant's accounts (the tenant was fixed by the request filter), issues a new
 * session id and keeps a small {@link SignedInUser} in the session. Later requests are recognised
 * through {@link LiveSession}, which checks that entry against the account as it is now. For an account with a
 * second factor a right password only leaves a {@link PendingSignIn} in the session; the second step
 * ({@link SecondFactorCredential}, from {@link SecondStep}) turns it into the signed-in user.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute: whole seconds the client must wait before its next guess (a {@code Long}). */
  public static final String RETRY_AFTER = "portal.signIn.retryAfter";

  /** Request attribute: the password was right and the second step comes next (a {@code Boolean}). */
  public static final String SECOND_STEP = "portal.signIn.secondStep";
  /** Request attribute: the half-signed-in state has ended (expired, or the account changed); sign in again. */
  public static final String SIGN_IN_AGAIN = "portal.signIn.again";
  /** Request attribute: the recovery codes of an enrolment just completed, to show once (a {@code List<String>}). */
  public static final String RECOVERY_CODES = "portal.signIn.recoveryCodes";

  @Inject Accounts accounts;
  @Inject TwoFactor twoFactor;
  @Inject LiveSession live;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential form) {
      SignInResult result = accounts.signIn(form.getCaller(), form.getPasswordAsString(), ClientAddress.of(request));
      if (result.secondStep().isPresent()) {
        // half signed in: a new session id, the pending entry only, no user and no role until the second step
        if (request.getSession(false) != null) {
          request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.removeAttribute(SignedInUser.SESSION_KEY);
        session.setAttribute(PendingSignIn.SESSION_KEY, result.secondStep().get());
        live.signedOut(request);
        request.setAttribute(SECOND_STEP, Boolean.TRUE);
        return context.doNothing();
      }
      if (result.user().isEmpty()) {
        result.retryAfter().ifPresent(wait -> request.setAttribute(RETRY_AFTER, Accounts.seconds(wait)));
        return AuthenticationStatus.SEND_FAILURE;
      }
      SignedInUser user = result.user().get();
      // a new session id on sign-in, so an id planted before sign-in (session fixation) is worthless
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      request.getSession(true).removeAttribute(PendingSignIn.SESSION_KEY);
      live.signedIn(request, user);
      return context.notifyContainerAboutLogin(user.principalName(), user.groups());
    }
    if (context.isAuthenticationRequest() && credential instanceof SecondFactorCredential second) {
      return secondStep(request, context, second);
    }
    Optional<SignedInUser> user;
    try {
      user = live.current(request);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.is(e)) {
        throw e;
      }
      // the container authenticates before any filter runs, so a failure here could only be a bare 500: leave the
      // request unauthenticated, and the request gate, asking again inside the filters, answers 503 for the outage
      return context.doNothing();
    }
    if (user.isPresent()) {
      return context.notifyContainerAboutLogin(user.get().principalName(), user.get().groups());
    }
    return context.doNothing();
  }

  private AuthenticationStatus secondStep(HttpServletRequest request, HttpMessageContext context,
      SecondFactorCredential second) {
    HttpSession session = request.getSession(false);
    PendingSignIn pending = session == null ? null
        : session.getAttribute(PendingSignIn.SESSION_KEY) instanceof PendingSignIn p ? p : null;
    SecondStepResult result = twoFactor.complete(pending, second.code(), ClientAddress.of(request));
    if (result.user().isEmpty()) {
      if (result.ended()) {
        if (session != null) {
          session.removeAttribute(PendingSignIn.SESSION_KEY);
        }
        request.setAttribute(SIGN_IN_AGAIN, Boolean.TRUE);
      }
      result.retryAfter().ifPresent(wait -> request.setAttribute(RETRY_AFTER, Accounts.seconds(wait)));
      return AuthenticationStatus.SEND_FAILURE;
    }
    SignedInUser user = result.user().get();
    session.removeAttribute(PendingSignIn.SESSION_KEY);
    request.changeSessionId();
    live.signedIn(request, user);
    request.setAttribute(RECOVERY_CODES, result.recoveryCodes());
    return context.notifyContainerAboutLogin(user.principalName(), user.groups());
  }

  @Override
  public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    live.signedOut(request);
  }
}
