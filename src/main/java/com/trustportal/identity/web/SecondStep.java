package com.trustportal.identity.web;

import com.trustportal.identity.boundary.TwoFactor;
import com.trustportal.identity.entity.PendingSignIn;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.web.TenantFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;

/**
 * The second step of a sign-in (two-factor.xhtml): a code from the app or a recovery code; or, when the tenant
 * requires a second factor for the account's role and it has none, the enrolment that must come first (the
 * recovery codes are then shown here, once, before going on).
 */
@Named
@RequestScoped
public class SecondStep {

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject TwoFactor twoFactor;

  private String code;
  private String next;
  private TwoFactor.Enrolment enrolment;
  private List<String> recoveryCodes = List.of();
  private String landing;

  /** On the first request of the page: a required enrolment gets its new secret. */
  public void load() {
    PendingSignIn pending = pending();
    if (pending != null && pending.mustEnrol()) {
      enrolment = twoFactor.beginRequired(pending).orElse(null);
      if (enrolment == null) {
        session().removeAttribute(PendingSignIn.SESSION_KEY);
      }
    }
  }

  @SuppressWarnings("unchecked")
  public void submit() throws IOException {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ec.getResponse(),
        AuthenticationParameters.withParams().newAuthentication(true).credential(new SecondFactorCredential(code)));
    if (status == AuthenticationStatus.SUCCESS) {
      SignedInUser user = (SignedInUser) ec.getSessionMap().get(SignedInUser.SESSION_KEY);
      Object codes = request.getAttribute(PortalAuthenticationMechanism.RECOVERY_CODES);
      landing = base() + SignIn.landing(user, next);
      if (codes instanceof List<?> list && !list.isEmpty()) {
        recoveryCodes = (List<String>) list; // shown once, on this response
        return;
      }
      faces.responseComplete();
      ec.redirect(landing);
      return;
    }
    Object retryAfter = request.getAttribute(PortalAuthenticationMechanism.RETRY_AFTER);
    String message = request.getAttribute(PortalAuthenticationMechanism.SIGN_IN_AGAIN) != null
        ? "This sign-in has expired. Sign in again with your password."
        : retryAfter != null ? SignIn.tooManyAttempts((Long) retryAfter) : "That code is not right.";
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private PendingSignIn pending() {
    HttpSession session = session();
    return session != null && session.getAttribute(PendingSignIn.SESSION_KEY) instanceof PendingSignIn p ? p : null;
  }

  private HttpSession session() {
    return ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
  }

  private String base() {
    Object base = ((HttpServletRequest) faces.getExternalContext().getRequest()).getAttribute(TenantFilter.BASE);
    return base == null ? faces.getExternalContext().getRequestContextPath() : base.toString();
  }

  /** Whether this session is half signed in (reads the session entry only). */
  public boolean isPending() {
    return pending() != null;
  }

  public boolean isMustEnrol() {
    PendingSignIn pending = pending();
    return pending != null && pending.mustEnrol();
  }

  public TwoFactor.Enrolment getEnrolment() {
    return enrolment;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public String getLanding() {
    return landing;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
