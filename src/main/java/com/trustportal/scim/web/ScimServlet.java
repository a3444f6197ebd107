package com.trustportal.scim.web;

import com.trustportal.api.boundary.ApiTokens;
import com.trustportal.api.entity.ApiToken;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.scim.boundary.Provisioning;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.web.TenantFilter;
import de.captaingoldfish.scim.sdk.common.exceptions.InternalServerException;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.common.response.ErrorResponse;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The door of {@code /t/<slug>/scim/v2/...}. The tenant filter forwards here with the tenant the URL names;
 * the request must carry {@code Authorization: Bearer} with a SCIM token of that tenant (a REST API token, or
 * another tenant's SCIM token, is refused with 401, saying no more). Sessions and cookies are ignored.
 * Reached any other way (no tenant in the URL), the path does not exist. Every answer is SCIM JSON.
 */
@WebServlet(name = "scim", urlPatterns = "/scim/*")
public class ScimServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger("portal");
  private static final String BEARER = "Bearer ";
  private static final String MEDIA_TYPE = "application/scim+json";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  /** A SCIM request body larger than this is refused unread: no identity provider sends one user that big. */
  private static final int MAX_BODY = 1 << 20;

  @Inject ApiTokens tokens;
  @Inject Provisioning provisioning;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object tenant = req.getAttribute(TenantFilter.SCIM_TENANT);
    if (req.getDispatcherType() != DispatcherType.FORWARD || !(tenant instanceof String slug)
        || !TenantContext.current().filter(slug::equals).isPresent()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    try {
      handle(req, res);
    } catch (RuntimeException e) {
      if (DatabaseOutage.is(e)) {
        throw e;
      }
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "SCIM failure " + incident + " on " + req.getRequestURI(), e);
      if (!res.isCommitted()) {
        res.reset();
        answer(res, new InternalServerException("unexpected error, logged as incident " + incident));
      }
    }
  }

  private void handle(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      unauthenticated(res, "send a SCIM token as 'Authorization: Bearer tp_...'; an admin creates one under"
          + " Administration → SCIM tokens");
      return;
    }
    Optional<SignedInUser> caller = tokens.authenticate(header.substring(BEARER.length()).strip(), ApiToken.Kind.SCIM);
    if (caller.isEmpty()) {
      unauthenticated(res, "the SCIM token is not valid here or was revoked");
      return;
    }
    String method = req.getMethod();
    if (!METHODS.contains(method)) {
      res.setHeader("Allow", String.join(", ", METHODS));
      answer(res, new ScimException("method " + method + " is not supported", null, 405, null) {});
      return;
    }
    if (req.getContentLengthLong() > MAX_BODY) {
      answer(res, new ScimException("the request body is larger than " + MAX_BODY + " bytes", null, 413, null) {});
      return;
    }
    byte[] bytes = req.getInputStream().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      answer(res, new ScimException("the request body is larger than " + MAX_BODY + " bytes", null, 413, null) {});
      return;
    }
    String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    Provisioning.Answer answer = provisioning.handle(caller.get(), url(req), method, body, headers(req));
    res.setStatus(answer.status());
    answer.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        res.setHeader(name, value);
      }
    });
    if (!answer.body().isEmpty()) {
      write(res, answer.body());
    }
  }

  /** The URL as the identity provider called it ({@code /t/<slug>/scim/v2/...}), so locations point back there. */
  private static String url(HttpServletRequest req) {
    String uri = (String) req.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String query = (String) req.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    StringBuilder url = new StringBuilder().append(req.getScheme()).append("://").append(req.getServerName());
    int port = req.getServerPort();
    if (!(port == 80 && req.getScheme().equals("http")) && !(port == 443 && req.getScheme().equals("https"))) {
      url.append(':').append(port);
    }
    url.append(uri == null ? req.getRequestURI() : uri);
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  private static Map<String, String> headers(HttpServletRequest req) {
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")) {
        headers.put(name, req.getHeader(name));
      }
    }
    return headers;
  }

  private static void unauthenticated(HttpServletResponse res, String detail) throws IOException {
    res.setHeader("WWW-Authenticate", "Bearer realm=\"portal-scim\"");
    answer(res, new ScimException(detail, null, HttpServletResponse.SC_UNAUTHORIZED, null) {});
  }

  private static void answer(HttpServletResponse res, ScimException problem) throws IOException {
    res.setStatus(problem.getStatus());
    write(res, new ErrorResponse(problem).toString());
  }

  private static void write(HttpServletResponse res, String body) throws IOException {
    res.setContentType(MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
