package com.trustportal.identity.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in person as pages see them (name, role checks for the navigation). */
@Named
@RequestScoped
public class CurrentUser {

  @Inject FacesContext faces;

  public SignedInUser get() {
    return (SignedInUser) faces.getExternalContext().getSessionMap().get(SignedInUser.SESSION_KEY);
  }

  public boolean isSignedIn() {
    return faces.getExternalContext().getSession(false) != null && get() != null;
  }

  public boolean isLearner() {
    return isSignedIn() && get().has(Role.LEARNER);
  }

  public boolean isManager() {
    return isSignedIn() && get().has(Role.MANAGER);
  }

  public boolean isAdmin() {
    return isSignedIn() && get().has(Role.ADMIN);
  }

  public boolean isOperator() {
    return isSignedIn() && get().has(Role.OPERATOR);
  }
}
