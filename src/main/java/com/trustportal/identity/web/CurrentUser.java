package com.trustportal.identity.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in person as pages see them (name, role checks for the navigation): the same answer as
 * the request filter's, from {@link LiveSession}, so a page never shows a session that has ended.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject FacesContext faces;
  @Inject LiveSession live;

  public SignedInUser get() {
    return live.current((HttpServletRequest) faces.getExternalContext().getRequest()).orElse(null);
  }

  public boolean isSignedIn() {
    return get() != null;
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
