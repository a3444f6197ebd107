package com.trustportal.api.rest;

import com.trustportal.api.web.ApiGate;
import com.trustportal.identity.entity.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/** The token holder of the current API request, as authenticated by {@link ApiGate}. */
@RequestScoped
public class ApiCaller {

  @Inject HttpServletRequest request;

  public SignedInUser get() {
    Object caller = request.getAttribute(ApiGate.CALLER);
    if (!(caller instanceof SignedInUser user)) {
      // only reachable if a request bypassed the gate (a forward): refuse rather than act for nobody
      throw new NotAuthorizedException("Bearer realm=\"portal-api\"");
    }
    return user;
  }
}
