package com.trustportal.identity.web;

import com.trustportal.identity.boundary.AccountRefused;
import com.trustportal.identity.boundary.TwoFactor;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/** One's own two-factor sign-in (learn/two-factor.xhtml): set it up, see how many recovery codes are left, turn it off. */
@Named
@ViewScoped
public class TwoFactorSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TwoFactor twoFactor;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  private TwoFactor.Status status;
  private TwoFactor.Enrolment enrolment;
  private List<String> recoveryCodes = List.of();
  private String code;
  private String proof;

  public void load() {
    status = twoFactor.status(user.get());
  }

  public void begin() {
    try {
      enrolment = twoFactor.begin(user.get(), proof, ClientAddress.of(request()));
    } catch (AccountRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    proof = null;
    recoveryCodes = List.of();
  }

  public void confirm() {
    try {
      recoveryCodes = twoFactor.confirm(user.get(), code, ClientAddress.of(request()));
      enrolment = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Two-factor sign-in is on.", null));
    } catch (AccountRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    code = null;
    load();
  }

  public void disable() {
    try {
      twoFactor.disable(user.get(), proof, ClientAddress.of(request()));
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Two-factor sign-in is off.", null));
    } catch (AccountRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    proof = null;
    load();
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }

  public TwoFactor.Status getStatus() { return status; }
  public TwoFactor.Enrolment getEnrolment() { return enrolment; }
  public List<String> getRecoveryCodes() { return recoveryCodes; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getProof() { return proof; }
  public void setProof(String proof) { this.proof = proof; }
}
