package com.trustportal.tenant.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.web.PageGuard;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The operator's view of the tenants served and of refused tenant folders, with file, line and field of each
 * problem. It shows them only to the platform operator, whatever the request gate let through.
 */
@Named
@RequestScoped
public class PlatformStatus {

  @Inject TenantDirectory directory;
  @Inject FacesContext faces;

  public List<TenantConfig> getTenants() {
    return operator() ? directory.all() : List.of();
  }

  public List<String> getRefused() {
    return operator() ? directory.failed().values().stream().flatMap(List::stream).map(Object::toString).toList()
        : List.of();
  }

  private boolean operator() {
    return PageGuard.permits((HttpServletRequest) faces.getExternalContext().getRequest(), Role.OPERATOR);
  }
}
