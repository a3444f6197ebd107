package com.trustportal.identity.web;

import com.trustportal.identity.entity.Role;
import java.util.Optional;

/**
 * Which role a path inside a tenant (or the platform) needs. One table for the whole portal, applied
 * by the request filter on every request before any page or resource runs.
 */
public final class AccessRules {

  private AccessRules() {}

  /** The role needed for {@code path} (relative to the tenant's base), or empty for public pages. */
  public static Optional<Role> required(String path) {
    if (path.startsWith("/admin/")) {
      return Optional.of(Role.ADMIN);
    }
    if (path.startsWith("/manage/")) {
      return Optional.of(Role.MANAGER);
    }
    if (path.startsWith("/learn/")) {
      return Optional.of(Role.LEARNER);
    }
    if (path.startsWith("/platform/")) {
      return Optional.of(Role.OPERATOR);
    }
    return Optional.empty();
  }

  /** Paths served without a tenant (the platform's own pages). */
  public static boolean isPlatformPath(String path) {
    return path.equals("/") || path.equals("/index.xhtml") || path.equals("/login.xhtml") || path.startsWith("/platform/");
  }

  /** Paths that only make sense inside a tenant: every Faces view and every role-protected area. */
  public static boolean needsTenant(String path) {
    return path.endsWith(".xhtml") || path.startsWith("/brand/") || required(path).isPresent();
  }

  /** Paths that are the same for every tenant and carry no tenant data. */
  public static boolean isTenantNeutral(String path) {
    return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/static/") || path.equals("/favicon.ico");
  }
}
