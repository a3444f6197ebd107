package com.trustportal.identity.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.web.RequestPaths;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Defence in depth for every Faces page: before a view is restored or built, the page's own path (the
 * forwarded path, as Faces sees it) is checked against {@link AccessRules} once more, together with the
 * tenant the request runs in. The request gate normally refuses first; if a mistake there ever let a
 * request through, the page still answers 403 and renders nothing.
 */
public class PageGuard implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    Optional<Role> needed = AccessRules.required(RequestPaths.normalised(request));
    if (needed.isEmpty() || permits(request, needed.get())) {
      return;
    }
    try {
      ((HttpServletResponse) faces.getExternalContext().getResponse()).sendError(HttpServletResponse.SC_FORBIDDEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // the check runs before the phase
  }

  /**
   * Whether the request's signed-in user (checked against the account by {@link LiveSession}), in the tenant the
   * request runs in, has {@code needed}.
   */
  public static boolean permits(HttpServletRequest request, Role needed) {
    SignedInUser user = CDI.current().select(LiveSession.class).get().current(request).orElse(null);
    Optional<String> tenant = TenantContext.current();
    return user != null && tenant.isPresent() && user.tenant().equals(tenant.get()) && user.has(needed);
  }
}
