package com.trustportal.identity.web;

import com.trustportal.identity.boundary.AccountRefused;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Changing one's own password (learn/password.xhtml): every other session ends, this one goes on. */
@Named
@RequestScoped
public class PasswordChange {

  @Inject Accounts accounts;
  @Inject CurrentUser user;
  @Inject LiveSession live;
  @Inject FacesContext faces;

  private String current;
  private String chosen;
  private String repeated;

  public void change() {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      SignedInUser changed = accounts.changePassword(user.get(), current, chosen, repeated, ClientAddress.of(request));
      request.changeSessionId(); // a new id with the new password: an id seen before the change is worth nothing
      live.signedIn(request, changed);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          "Your password is changed. Every other session of yours has ended.", null));
    } catch (AccountRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public String getCurrent() { return current; }
  public void setCurrent(String current) { this.current = current; }
  public String getChosen() { return chosen; }
  public void setChosen(String chosen) { this.chosen = chosen; }
  public String getRepeated() { return repeated; }
  public void setRepeated(String repeated) { this.repeated = repeated; }
}
