package com.trustportal.identity.web;

import com.trustportal.identity.boundary.PasswordResetRefused;
import com.trustportal.identity.boundary.PasswordResets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "Forgot your password?" (forgot.xhtml): asks for a reset link. The answer is the same whatever the address; only
 * a portal without mail says so up front, since pretending to send would leave the person waiting.
 */
@Named
@RequestScoped
public class ForgotPassword {

  @Inject PasswordResets resets;
  @Inject FacesContext faces;

  private boolean available;
  private boolean asked;
  private String email;

  @PostConstruct
  void init() {
    available = resets.available();
  }

  public void submit() {
    try {
      resets.request(email, ClientAddress.of((HttpServletRequest) faces.getExternalContext().getRequest()));
      asked = true;
    } catch (PasswordResetRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public boolean isAvailable() { return available; }
  public boolean isAsked() { return asked; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
}
