package com.trustportal.identity.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.tenant.web.RequestPaths;
import java.util.Optional;

/**
 * Which role a path inside a tenant (or the platform) needs. One table for the whole portal, applied
 * by the request gate on every request before any page or resource runs, and again by the pages and
 * servlets themselves ({@link PageGuard}, the servlets' own checks), so one mistake in the gate exposes
 * nothing. Paths are the normalised paths of {@link RequestPaths#normalised}; the rule looks at whole
 * segments, so {@code /admin}, {@code /admin/} and {@code /admin/x} need the same role.
 */
public final class AccessRules {

  private AccessRules() {}

  /** The role needed for {@code path} (relative to the tenant's base), or empty for public pages. */
  public static Optional<Role> required(String path) {
    return switch (RequestPaths.firstSegment(path)) {
      case "admin" -> Optional.of(Role.ADMIN);
      case "manage" -> Optional.of(Role.MANAGER);
      case "learn" -> Optional.of(Role.LEARNER);
      case "platform" -> Optional.of(Role.OPERATOR);
      default -> Optional.empty();
    };
  }

  /** Paths served without a tenant (the platform's own pages). */
  public static boolean isPlatformPath(String path) {
    return path.equals("/") || path.equals("/index.xhtml") || path.equals("/login.xhtml")
        || RequestPaths.firstSegment(path).equals("platform");
  }

  /** Paths that only make sense inside a tenant: every Faces view and every role-protected area. */
  public static boolean needsTenant(String path) {
    String first = RequestPaths.firstSegment(path);
    return path.endsWith(".xhtml") || first.equals("brand") || first.equals("sso") || required(path).isPresent();
  }

  /** Paths that are the same for every tenant and carry no tenant data. */
  public static boolean isTenantNeutral(String path) {
    String first = RequestPaths.firstSegment(path);
    return first.equals("jakarta.faces.resource") || path.equals("/favicon.ico");
  }
}
