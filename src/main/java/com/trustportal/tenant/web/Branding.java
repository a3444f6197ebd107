package com.trustportal.tenant.web;

import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The current tenant's name, colours, logo and base URL, for the page template. */
@Named
@RequestScoped
public class Branding {

  private static final String PLATFORM_NAME = "Trust Portal";
  private static final String PLATFORM_COLOUR = "#1f4e79";

  @Inject TenantDirectory directory;
  @Inject FacesContext faces;

  private TenantConfig tenant;
  private String base;

  @PostConstruct
  void init() {
    tenant = TenantContext.current().flatMap(directory::bySlug).orElse(null);
    Object attribute = ((HttpServletRequest) faces.getExternalContext().getRequest()).getAttribute(TenantFilter.BASE);
    base = attribute == null ? faces.getExternalContext().getRequestContextPath() : attribute.toString();
  }

  /** The label of the tenant's single sign-on button, or null when the tenant has none. */
  public String getSsoButton() {
    return tenant == null ? null : tenant.sso().map(TenantConfig.Sso::button).orElse(null);
  }

  /** False when the tenant's accounts (other than its admins) sign in through its identity provider only. */
  public boolean isLocalPasswords() {
    return tenant == null || tenant.allowsLocalPasswords();
  }

  public boolean isTenant() {
    return tenant != null;
  }

  public String getName() {
    return tenant == null ? PLATFORM_NAME : tenant.name();
  }

  public String getSlug() {
    return tenant == null ? "" : tenant.slug();
  }

  public String getPrimary() {
    return tenant == null ? PLATFORM_COLOUR : tenant.brand().primary();
  }

  public String getAccent() {
    return tenant == null ? PLATFORM_COLOUR : tenant.brand().accent();
  }

  /** Colours are validated as #rrggbb when the tenant file is read, so this style is safe to inline. */
  public String getStyle() {
    return "--brand-primary:" + getPrimary() + ";--brand-accent:" + getAccent() + ";";
  }

  public String getLogoUrl() {
    return tenant == null ? null : base + "/brand/logo?v=" + tenant.digest().substring(0, 12);
  }

  public String getBase() {
    return base;
  }

  public String getLocale() {
    return tenant == null ? "en" : tenant.locale().toLanguageTag();
  }

  public List<String> getCourses() {
    return tenant == null ? List.of() : tenant.courses();
  }

  /** For the platform landing page: every tenant this node serves. */
  public List<TenantConfig> getTenants() {
    return directory.all();
  }
}
