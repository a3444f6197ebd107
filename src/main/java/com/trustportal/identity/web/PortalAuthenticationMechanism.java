package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.SignedInUser;
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
 * from that session entry.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  @Inject Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential form) {
      Optional<SignedInUser> user = accounts.signIn(form.getCaller(), form.getPasswordAsString());
      if (user.isEmpty()) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      // a new session id on sign-in, so an id planted before sign-in (session fixation) is worthless
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      request.getSession(true).setAttribute(SignedInUser.SESSION_KEY, user.get());
      return context.notifyContainerAboutLogin(user.get().principalName(), user.get().groups());
    }
    HttpSession session = request.getSession(false);
    SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_KEY);
    if (user != null) {
      return context.notifyContainerAboutLogin(user.principalName(), user.groups());
    }
    return context.doNothing();
  }

  @Override
  public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
