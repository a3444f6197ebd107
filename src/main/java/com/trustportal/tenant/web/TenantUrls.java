package com.trustportal.tenant.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * Keeps form actions and redirects inside the tenant when it was reached by {@code /t/<slug>/}: the
 * page was forwarded to its plain view id, so Faces would otherwise post back to a URL without the
 * tenant. Resource URLs (scripts, styles) are tenant-neutral and stay as they are.
 */
public class TenantUrls extends ViewHandlerWrapper {

  public TenantUrls(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    return withTenant(context, super.getActionURL(context, viewId));
  }

  @Override
  public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters, boolean includeViewParams) {
    return withTenant(context, super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
  }

  @Override
  public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters, boolean includeViewParams) {
    return withTenant(context, super.getRedirectURL(context, viewId, parameters, includeViewParams));
  }

  static String withTenant(FacesContext context, String url) {
    HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
    Object base = request.getAttribute(TenantFilter.BASE);
    if (request.getAttribute(TenantFilter.VIA_PREFIX) == null || base == null) {
      return url;
    }
    String contextPath = request.getContextPath();
    if (url.startsWith(base.toString() + "/") || !url.startsWith(contextPath + "/")) {
      return url;
    }
    return base + url.substring(contextPath.length());
  }
}
