package com.trustportal.tenant.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.identity.web.AccessRules;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every request passes here first. It resolves the tenant (host name, {@code <slug>.localhost}, or
 * the {@code /t/<slug>/} prefix), refuses a session signed in to another tenant (403, no data),
 * applies {@link AccessRules}, and runs the rest of the request inside {@link TenantContext}. This is
 * the only place where a request's tenant is decided.
 */
@WebFilter(filterName = "tenant", urlPatterns = "/*")
public class TenantFilter extends HttpFilter {

  public static final String BASE = "portal.base";
  public static final String VIA_PREFIX = "portal.viaPrefix";
  private static final String PREFIX = "/t/";

  @Inject TenantDirectory directory;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String context = req.getContextPath();
    String path = req.getRequestURI().substring(context.length());
    if (AccessRules.isTenantNeutral(path) || path.startsWith("/health") || path.startsWith("/api/")) {
      // /api/ is tenant-neutral here: ApiGate takes the tenant from the request's API token, never from a session
      chain.doFilter(req, res);
      return;
    }
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");

    if (path.startsWith(PREFIX)) {
      int end = path.indexOf('/', PREFIX.length());
      String slug = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
      Optional<TenantConfig> tenant = directory.bySlug(slug);
      if (tenant.isEmpty()) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      if (end < 0) {
        res.sendRedirect(context + PREFIX + slug + "/");
        return;
      }
      String inner = path.substring(end);
      serveTenant(req, res, chain, slug, context + PREFIX + slug, inner, true);
      return;
    }
    String host = req.getServerName();
    Optional<TenantConfig> tenant = directory.byHost(host);
    if (tenant.isPresent()) {
      serveTenant(req, res, chain, tenant.get().slug(), context, path, false);
    } else if (host.endsWith(".localhost")) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else {
      servePlatform(req, res, chain, context, path);
    }
  }

  private void serveTenant(HttpServletRequest req, HttpServletResponse res, FilterChain chain,
      String slug, String base, String inner, boolean viaPrefix) throws IOException, ServletException {
    SignedInUser user = signedIn(req);
    if (user != null && !user.tenant().equals(slug)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (inner.startsWith("/platform/") || inner.startsWith("/api/")) {
      // the API has one address, /api/v1, and its tenant comes from the token (ApiGate)
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!allowed(req, res, user, base, inner)) {
      return;
    }
    req.setAttribute(BASE, base);
    String target = inner.equals("/") ? "/index.xhtml" : inner;
    TenantContext.runAsIo(slug, () -> {
      if (viaPrefix) {
        req.setAttribute(VIA_PREFIX, Boolean.TRUE);
        req.getRequestDispatcher(target).forward(req, res);
      } else if (!target.equals(inner)) {
        req.getRequestDispatcher(target).forward(req, res);
      } else {
        chain.doFilter(req, res);
      }
    });
  }

  private void servePlatform(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String context,
      String path) throws IOException, ServletException {
    if (!AccessRules.isPlatformPath(path)) {
      if (AccessRules.needsTenant(path)) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
      } else {
        // other servlets (none ships today) answer without tenant context: they can reach no tenant data
        chain.doFilter(req, res);
      }
      return;
    }
    SignedInUser user = signedIn(req);
    if (path.startsWith("/platform/") && user != null && !Role.PLATFORM_TENANT.equals(user.tenant())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!allowed(req, res, user, context, path)) {
      return;
    }
    req.setAttribute(BASE, context);
    String target = path.equals("/") ? "/index.xhtml" : path;
    TenantContext.runAsIo(Role.PLATFORM_TENANT, () -> {
      if (!target.equals(path)) {
        req.getRequestDispatcher(target).forward(req, res);
      } else {
        chain.doFilter(req, res);
      }
    });
  }

  /** Sends anonymous visitors of a protected page to sign-in, and refuses the wrong role. */
  private boolean allowed(HttpServletRequest req, HttpServletResponse res, SignedInUser user, String base, String path)
      throws IOException {
    Optional<Role> needed = AccessRules.required(path);
    if (needed.isEmpty()) {
      return true;
    }
    if (user == null) {
      res.sendRedirect(base + "/login.xhtml?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
      return false;
    }
    if (!user.has(needed.get())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return false;
    }
    return true;
  }

  private static SignedInUser signedIn(HttpServletRequest req) {
    return jakarta.enterprise.inject.spi.CDI.current().select(com.trustportal.identity.web.LiveSession.class).get().current(req).orElse(null);
  }
}
