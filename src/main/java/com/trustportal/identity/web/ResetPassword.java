package com.trustportal.identity.web;

import com.trustportal.identity.boundary.PasswordResetRefused;
import com.trustportal.identity.boundary.PasswordResets;
import com.trustportal.tenant.web.TenantFilter;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The page behind a reset link (reset.xhtml): the person chooses a new password, then signs in with it. */
@Named
@ViewScoped
public class ResetPassword implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PasswordResets resets;
  @Inject FacesContext faces;

  private String token;
  private String email;
  private String password;
  private String repeated;

  public void load() {
    email = resets.openFor(token).orElse(null);
  }

  public void reset() throws IOException {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      String signInAs = resets.reset(token, password, repeated, ClientAddress.of(request));
      faces.getExternalContext().redirect(request.getAttribute(TenantFilter.BASE) + "/login.xhtml?reset=true&email="
          + URLEncoder.encode(signInAs, StandardCharsets.UTF_8));
    } catch (PasswordResetRefused e) {
      if (e.reason() == PasswordResetRefused.Reason.LINK_INVALID) {
        email = null; // the page shows the expired-link notice instead of the form
      }
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (EJBException e) {
      // the same link used at the same moment elsewhere: the other request won the row
      email = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          "This link was used at the same moment from elsewhere; sign in, or ask for a new link.", null));
    }
  }

  public String getToken() { return token; }
  public void setToken(String token) { this.token = token; }
  public String getEmail() { return email; }
  public String getPassword() { return password; }
  public void setPassword(String password) { this.password = password; }
  public String getRepeated() { return repeated; }
  public void setRepeated(String repeated) { this.repeated = repeated; }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
