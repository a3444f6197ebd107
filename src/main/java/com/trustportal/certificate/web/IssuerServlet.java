package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Issuers;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.credential.IssuerProfile;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The public issuer documents a third party needs to check a credential without us: the tenant's
 * issuer profile, which lists its signing key as a Multikey ({@code /issuers/<slug>}), and its signed
 * revocation status list credential ({@code /issuers/<slug>/status/revocation}, a W3C Bitstring
 * Status List). No session, no sign-in; rate-limited like /verify.
 */
@WebServlet("/issuers/*")
public class IssuerServlet extends HttpServlet {

  private static final String STATUS_LIST = CredentialIssuer.STATUS_LIST_PATH;

  @Inject Issuers issuers;
  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
    boolean statusList = path.endsWith(STATUS_LIST);
    String slug = path.substring(1, statusList ? path.length() - STATUS_LIST.length() : path.length());
    Optional<TenantConfig> tenant = directory.bySlug(slug)
        .filter(t -> TenantContext.current().map(t.slug()::equals).orElse(true));
    if (tenant.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (statusList) {
      Optional<String> list = issuers.statusList(slug);
      if (list.isEmpty()) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND); // no key yet: nothing issued, nothing to revoke
        return;
      }
      // revocation must show at once: a short cache only
      json(res, list.get(), "public, max-age=60");
      return;
    }
    String profile = IssuerProfile.of(CredentialIssuer.issuerId(slug), tenant.get().name(),
        issuers.publicKey(slug).orElse(null)).toString();
    json(res, profile, "public, max-age=3600");
  }

  private static void json(HttpServletResponse res, String body, String cache) throws IOException {
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", cache);
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.getWriter().write(body);
  }
}
