package com.trustportal.certificate.web;

import com.trustportal.certificate.control.RateLimiter;
import com.trustportal.identity.web.ClientAddress;
import com.trustportal.platform.Settings;
import com.trustportal.platform.cluster.ClusterState;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Limits how often one client (by address) may call the public verification and issuer URLs, counted across the
 * cluster. The address is {@link ClientAddress}'s: behind a load balancer listed in {@code PORTAL_TRUSTED_PROXIES} each visitor
 * is counted on their own, not every visitor together as the balancer's one address.
 */
@WebFilter(filterName = "publicRateLimit", urlPatterns = {"/verify", "/verify/*", "/issuers/*"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class PublicRateLimit extends HttpFilter {

  @Inject transient ClusterState state;
  private transient RateLimiter limiter;

  @Override
  public void init() {
    limiter = new RateLimiter(state, Settings.verifyRatePerMinute());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long wait = limiter.waitSeconds(ClientAddress.of(req), System.currentTimeMillis());
    if (wait > 0) {
      res.setStatus(429);
      res.setHeader("Retry-After", Long.toString(wait));
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write("Too many verification requests from your address. Try again in " + wait + " seconds.\n");
      return;
    }
    chain.doFilter(req, res);
  }
}
