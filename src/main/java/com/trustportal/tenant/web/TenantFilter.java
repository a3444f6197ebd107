package com.trustportal.tenant.web;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.identity.web.AccessRules;
import com.trustportal.identity.web.LiveSession;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The request gate: every request passes here first (web.xml maps it before every other filter). It
 * refuses odd spellings of a path ({@link RequestPaths#refusal}: 400) and session ids in URLs, decides
 * everything else on the normalised path only, never serves or forwards to {@code WEB-INF}/{@code META-INF}
 * or to anything that is not a page, file or servlet of the web application, resolves the tenant (host
 * name, {@code <slug>.localhost}, or the {@code /t/<slug>/} prefix), refuses a session signed in to
 * another tenant (403, no data), applies {@link AccessRules}, and runs the rest of the request inside
 * {@link TenantContext}. This is the only place where a request's tenant is decided.
 */
@WebFilter(filterName = "tenant", urlPatterns = "/*")
public class TenantFilter extends HttpFilter {

  public static final String BASE = "portal.base";
  public static final String VIA_PREFIX = "portal.viaPrefix";
  /** Request attribute: the tenant whose SCIM endpoint ({@code <base>/scim/...}) the request was forwarded to. */
  public static final String SCIM_TENANT = "portal.scimTenant";
  private static final String PREFIX = "/t/";

  /** Policy for answers that are not Faces pages (errors, verification, files); Faces pages get PrimeFaces' nonce policy. */
  static final String STATIC_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Inject TenantDirectory directory;
  @Inject LiveSession liveSession;

  /** Exact paths and path prefixes ("/x/") that servlets of this application answer, read from the container. */
  private List<String> servletPaths = List.of();

  /** Files and folders of the public webapp, read at start-up, so no request looks up the file system. */
  private Set<String> publicFiles = Set.of();

  @Override
  public void init() {
    List<String> paths = new ArrayList<>();
    ServletContext context = getServletContext();
    for (ServletRegistration registration : context.getServletRegistrations().values()) {
      for (String mapping : registration.getMappings()) {
        if (mapping.startsWith("/") && !mapping.equals("/")) {
          paths.add(mapping.endsWith("/*") ? mapping.substring(0, mapping.length() - 1) : mapping);
        }
      }
    }
    servletPaths = List.copyOf(paths);
    Set<String> files = new HashSet<>();
    collectPublicFiles(context, "/", files);
    publicFiles = Set.copyOf(files);
  }

  /** The public webapp's files and folders (folders end in '/'), once: the WAR does not change while it runs. */
  private static void collectPublicFiles(ServletContext context, String folder, Set<String> into) {
    Set<String> children = context.getResourcePaths(folder);
    if (children == null) {
      return;
    }
    for (String child : children) {
      if (!RequestPaths.isPrivate(child)) {
        into.add(child);
        if (child.endsWith("/")) {
          collectPublicFiles(context, child, into);
        }
      }
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String raw = RequestPaths.raw(req).substring(req.getContextPath().length());
    Optional<String> refused = RequestPaths.refusal(raw.isEmpty() ? "/" : raw);
    // the container strips ;jsessionid=... from the URI before any filter sees it, so ask where the id came from
    if (refused.isEmpty() && req.getRequestedSessionId() != null && !req.isRequestedSessionIdFromCookie()) {
      refused = Optional.of("session ids travel only in cookies");
    }
    if (refused.isPresent()) {
      res.setHeader("Cache-Control", "no-store");
      res.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.get());
      return;
    }
    String path = RequestPaths.normalised(req);
    if (RequestPaths.isPrivate(path)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String first = RequestPaths.firstSegment(path);
    if (first.equals("api")) {
      // the API's tenant comes from the request's API token (ApiGate), never from a session
      chain.doFilter(req, res);
      return;
    }
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    if (AccessRules.isTenantNeutral(path)) {
      chain.doFilter(req, res);
      return;
    }
    if (first.equals("t")) {
      String rest = path.substring(PREFIX.length() - 1);
      String slug = RequestPaths.firstSegment(rest);
      Optional<TenantConfig> tenant = slug.isEmpty() ? Optional.empty() : directory.bySlug(slug);
      if (tenant.isEmpty()) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      String inner = rest.substring(slug.length() + 1);
      if (inner.isEmpty()) {
        res.sendRedirect(req.getContextPath() + PREFIX + slug + "/");
        return;
      }
      serveTenant(req, res, chain, slug, req.getContextPath() + PREFIX + slug, inner, true);
      return;
    }
    String host = req.getServerName();
    Optional<TenantConfig> tenant = directory.byHost(host);
    if (tenant.isPresent()) {
      serveTenant(req, res, chain, tenant.get().slug(), req.getContextPath(), path, false);
    } else if (host.endsWith(".localhost")) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else {
      servePlatform(req, res, chain, req.getContextPath(), path);
    }
  }

  private void serveTenant(HttpServletRequest req, HttpServletResponse res, FilterChain chain,
      String slug, String base, String inner, boolean viaPrefix) throws IOException, ServletException {
    if (RequestPaths.firstSegment(inner).equals("scim")) {
      // SCIM's caller is its bearer token, checked by the SCIM servlet against this tenant, never a session:
      // a browser session (of this tenant or another) neither opens nor closes it
      res.setHeader("Cache-Control", "no-store");
      req.setAttribute(SCIM_TENANT, slug);
      TenantContext.runAsIo(slug, () -> req.getRequestDispatcher(inner).forward(req, res));
      return;
    }
    SignedInUser user = signedIn(req);
    if (user != null && !user.tenant().equals(slug)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String first = RequestPaths.firstSegment(inner);
    if (first.equals("platform") || first.equals("api") || first.equals("t")) {
      // the operator's pages live outside every tenant; the API has one address, /api/v1
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String target = inner.equals("/") ? "/index.xhtml" : inner;
    if (!servable(target)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!allowed(req, res, user, base, inner)) {
      return;
    }
    headers(res, user, inner, target);
    req.setAttribute(BASE, base);
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
        // public, tenant-neutral servlets and files (verification, issuers, error pages): no tenant context,
        // so they can reach no tenant data through the request's session
        res.setHeader("Content-Security-Policy", STATIC_CSP);
        chain.doFilter(req, res);
      }
      return;
    }
    SignedInUser user = signedIn(req);
    if (AccessRules.required(path).isPresent() && user != null && !Role.PLATFORM_TENANT.equals(user.tenant())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String target = path.equals("/") ? "/index.xhtml" : path;
    if (!servable(target)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!allowed(req, res, user, context, path)) {
      return;
    }
    headers(res, user, path, target);
    req.setAttribute(BASE, context);
    TenantContext.runAsIo(Role.PLATFORM_TENANT, () -> {
      if (!target.equals(path)) {
        req.getRequestDispatcher(target).forward(req, res);
      } else {
        chain.doFilter(req, res);
      }
    });
  }

  /**
   * Whether {@code target} is something this web application serves: a file or folder of the public webapp
   * (WEB-INF and META-INF were refused before), a Faces resource, or a path a servlet is mapped to. Nothing
   * else is forwarded, so a forward can never reach what the container would not serve to a browser.
   */
  private boolean servable(String target) {
    if (RequestPaths.isPrivate(target)) {
      return false;
    }
    if (RequestPaths.firstSegment(target).equals("jakarta.faces.resource")) {
      return true;
    }
    for (String mapped : servletPaths) {
      if (mapped.endsWith("/") ? target.startsWith(mapped) || target.equals(mapped.substring(0, mapped.length() - 1))
          : target.equals(mapped)) {
        return true;
      }
    }
    return publicFiles.contains(target) || publicFiles.contains(target + "/");
  }

  /** Signed-in answers are never stored by browsers or proxies; answers that are not Faces pages get a strict policy. */
  private static void headers(HttpServletResponse res, SignedInUser user, String path, String target) {
    if (user != null || AccessRules.required(path).isPresent()) {
      res.setHeader("Cache-Control", "no-store");
    }
    if (!target.endsWith(".xhtml") && !target.endsWith("/")) {
      res.setHeader("Content-Security-Policy", STATIC_CSP);
    }
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

  /** The signed-in user, as long as the account still grants what the session says (checked on every request). */
  private SignedInUser signedIn(HttpServletRequest req) {
    return liveSession.current(req).orElse(null);
  }
}
