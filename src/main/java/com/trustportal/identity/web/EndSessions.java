package com.trustportal.identity.web;

import com.trustportal.identity.boundary.AccountRefused;
import com.trustportal.identity.boundary.Accounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The admin's "End all sessions" button on a learner's page: the learner is signed out everywhere at once. */
@Named
@RequestScoped
public class EndSessions {

  @Inject Accounts accounts;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  public void of(String accountId, String name) {
    try {
      accounts.endSessions(user.get(), accountId);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Every session of " + name
          + " has ended; they must sign in again.", null));
    } catch (AccountRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }
}
