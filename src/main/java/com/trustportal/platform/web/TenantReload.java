package com.trustportal.platform.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.identity.web.PageGuard;
import com.trustportal.platform.Startup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The operator's "Reload tenants" action on the platform page: re-applies the tenants directory on this node and
 * tells the other nodes to re-read it, without a restart. A folder with a problem refuses the whole reload, with
 * each problem's file and line shown, and the configuration served before stays.
 */
@Named
@RequestScoped
public class TenantReload {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject Startup startup;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  public void reload() throws IOException {
    if (!PageGuard.permits((HttpServletRequest) faces.getExternalContext().getRequest(), Role.OPERATOR)) {
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "operator only");
      faces.responseComplete();
      return;
    }
    Startup.Reload reload = startup.reloadTenantsEverywhere();
    String operator = user.get().email();
    if (reload.applied()) {
      LOG.info(() -> "Tenants reloaded by operator " + operator + ": " + reload.served() + " served");
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          "Tenants reloaded: " + reload.served() + " served; the other nodes re-read them now.", null));
    } else {
      LOG.warning(() -> "Tenant reload by operator " + operator + " refused: " + reload.problems());
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          "Not reloaded, the configuration served before stays. Fix these first:", null));
      reload.problems().forEach(p -> faces.addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, p.toString(), null)));
    }
  }
}
