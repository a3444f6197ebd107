package com.trustportal.identity.web;

import com.trustportal.identity.boundary.Accounts;
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
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/** The sign-in form and sign-out button of every tenant (and of the platform operator). */
@Named
@RequestScoped
public class SignIn {

  /** One answer for unknown e-mail, wrong password and inactive account. */
  static final String FAILED = "E-mail or password is not right.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject LiveSession live;
  @Inject Accounts accounts;

  @NotBlank @Size(max = 254) private String email;
  @NotBlank @Size(max = 200) private String password;
  private String next;

  public void submit() throws IOException {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ec.getResponse(),
        AuthenticationParameters.withParams().newAuthentication(true).credential(new UsernamePasswordCredential(email, password)));
    if (request.getAttribute(PortalAuthenticationMechanism.SECOND_STEP) != null) {
      faces.responseComplete();
      ec.redirect(base() + "/two-factor.xhtml" + (safeNext(next) ? "?next=" + java.net.URLEncoder.encode(next,
          java.nio.charset.StandardCharsets.UTF_8) : ""));
      return;
    }
    if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
      SignedInUser user = (SignedInUser) ec.getSessionMap().get(SignedInUser.SESSION_KEY);
      faces.responseComplete();
      ec.redirect(base() + landing(user));
      return;
    }
    Object retryAfter = request.getAttribute(PortalAuthenticationMechanism.RETRY_AFTER);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, retryAfter == null ? FAILED
        : tooManyAttempts((Long) retryAfter), null));
  }

  /** The throttle's answer: it depends on the e-mail as typed and the client's address, not on whether an account exists. */
  static String tooManyAttempts(long seconds) {
    return "Too many attempts. Try again in " + seconds + (seconds == 1 ? " second." : " seconds.");
  }

  /** Ends every session of the person, on every device, and this one too (a lost phone, a shared computer). */
  public void signOutEverywhere() throws Exception {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    live.current(request).ifPresent(accounts::endOwnSessions);
    signOut();
  }

  public void signOut() throws Exception {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    request.logout();
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    live.signedOut(request);
    faces.responseComplete();
    ec.redirect(base() + "/login.xhtml?signedOut=true");
  }

  private String landing(SignedInUser user) {
    return landing(user, next);
  }

  /** Where a sign-in goes: the page asked for ({@code next}, only a path of the portal's own areas), or the role's home. */
  static String landing(SignedInUser user, String next) {
    if (safeNext(next)) {
      return next;
    }
    if (user == null) {
      return "/";
    }
    return switch (user.role()) {
      case OPERATOR -> "/platform/index.xhtml";
      case ADMIN -> "/admin/index.xhtml";
      case MANAGER -> "/manage/index.xhtml";
      case LEARNER -> "/learn/index.xhtml";
    };
  }

  static boolean safeNext(String next) {
    return next != null && next.matches("/(learn|manage|admin|platform)/[A-Za-z0-9_./-]*") && !next.contains("..");
  }

  private String base() {
    Object base = ((HttpServletRequest) faces.getExternalContext().getRequest()).getAttribute(TenantFilter.BASE);
    return base == null ? faces.getExternalContext().getRequestContextPath() : base.toString();
  }

  /** The e-mail to fill in when the page is opened with {@code ?email=} (after accepting an invitation). */
  public String getPrefill() {
    return null;
  }

  public void setPrefill(String prefill) {
    if (email == null && prefill != null && !prefill.isBlank() && prefill.length() <= 254) {
      email = prefill.strip();
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

}
