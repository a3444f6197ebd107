package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.InvitationRefused;
import com.trustportal.enrolment.boundary.Invitations;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import com.trustportal.tenant.web.TenantFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The page behind an invitation link: the new learner chooses a password, then signs in. */
@Named
@ViewScoped
public class AcceptInvitation implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Invitations invitations;
  @Inject FacesContext faces;

  private String token;
  private String email;
  private String password;
  private String repeated;

  public void load() {
    email = invitations.openFor(token).orElse(null);
  }

  public void accept() throws IOException {
    try {
      String signInAs = invitations.accept(token, password, repeated);
      Object base = ((HttpServletRequest) faces.getExternalContext().getRequest()).getAttribute(TenantFilter.BASE);
      faces.getExternalContext().redirect(base + "/login.xhtml?invited=true&email="
          + URLEncoder.encode(signInAs, StandardCharsets.UTF_8));
    } catch (InvitationRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (EJBException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          "This invitation link was used at the same moment from elsewhere; sign in, or ask your admin for a new link.",
          null));
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEmail() {
    return email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
