package com.trustportal.api.web;

import com.trustportal.api.boundary.ApiTokens;
import com.trustportal.api.entity.ApiToken;
import com.trustportal.api.rest.Problem;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The door of {@code /api/*}: the API's counterpart of the tenant filter. A request must carry
 * {@code Authorization: Bearer tp_<tenant>_...}; the token names its tenant, is checked against that
 * tenant's tokens only, and the rest of the request runs inside {@link TenantContext} for that tenant,
 * as the token's caller. Sessions and cookies are ignored here: a browser signed in to the portal gets
 * no access to the API. Everything else answers 401 with a problem document and no hint whether the
 * tenant or token exists. Nothing that fails on the way answers anything but a problem document.
 */
@WebFilter(filterName = "api", urlPatterns = "/api/*")
public class ApiGate extends HttpFilter {

  /** Request attribute holding the authenticated caller ({@link SignedInUser}). */
  public static final String CALLER = "portal.apiCaller";
  private static final Logger LOG = Logger.getLogger("portal");
  private static final String BEARER = "Bearer ";

  @Inject TenantDirectory directory;
  @Inject ApiTokens tokens;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      admit(req, res, chain);
    } catch (IOException | ServletException | RuntimeException e) {
      if (DatabaseOutage.is(e) && !res.isCommitted()) {
        throw e; // not the API's fault: the outage filter around everything answers 503 problem+json, Retry-After
      }
      // whatever escapes (the token look-up, a filter, the container) answers as the API does, never as
      // the server's HTML error page; the details stay in the log under the incident id
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "API failure " + incident + " on " + req.getRequestURI(), e);
      if (res.isCommitted()) {
        return;
      }
      res.reset();
      answer(req, res, 500, "unexpected error, logged as incident " + incident);
    }
  }

  private void admit(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(req, res, "send an API token as 'Authorization: Bearer tp_...'; an admin creates one under Administration → API tokens");
      return;
    }
    String presented = header.substring(BEARER.length()).strip();
    Optional<String> tenant = ApiToken.tenantOf(presented).filter(t -> directory.bySlug(t).isPresent());
    if (tenant.isEmpty()) {
      refuse(req, res, "the API token is not valid");
      return;
    }
    TenantContext.runAsIo(tenant.get(), () -> {
      Optional<SignedInUser> caller = tokens.authenticate(presented);
      if (caller.isEmpty()) {
        refuse(req, res, "the API token is not valid or was revoked");
        return;
      }
      req.setAttribute(CALLER, caller.get());
      chain.doFilter(req, res);
    });
  }

  private static void refuse(HttpServletRequest req, HttpServletResponse res, String detail) throws IOException {
    res.setHeader("WWW-Authenticate", "Bearer realm=\"portal-api\"");
    answer(req, res, HttpServletResponse.SC_UNAUTHORIZED, detail);
  }

  private static void answer(HttpServletRequest req, HttpServletResponse res, int status, String detail) throws IOException {
    res.setStatus(status);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    byte[] body = Problem.of(status, detail, req.getRequestURI()).json().toString().getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
