package com.trustportal.certificate.web;

import com.trustportal.certificate.boundary.Issuers;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.credential.Ed25519PublicKey;
import com.trustportal.certificate.credential.RevocationList;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The public issuer documents a third party needs to check a credential without us: the tenant's
 * issuer profile with its signing key as Multikey and JWK ({@code /issuers/<slug>}) and its revocation
 * list ({@code /issuers/<slug>/revocations}). No session, no sign-in; rate-limited like /verify.
 */
@WebServlet("/issuers/*")
public class IssuerServlet extends HttpServlet {

  private static final String REVOCATIONS = "/revocations";

  @Inject Issuers issuers;
  @Inject TenantDirectory directory;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
    boolean revocations = path.endsWith(REVOCATIONS);
    String slug = path.substring(1, revocations ? path.length() - REVOCATIONS.length() : path.length());
    Optional<TenantConfig> tenant = directory.bySlug(slug)
        .filter(t -> TenantContext.current().map(t.slug()::equals).orElse(true));
    if (tenant.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (revocations) {
      // revocation must show at once: a short cache only
      json(res, issuers.revocationList(slug).map(RevocationList::toJson).orElseThrow(), "public, max-age=60");
      return;
    }
    json(res, profile(tenant.get(), issuers.publicKey(slug)), "public, max-age=3600");
  }

  private static String profile(TenantConfig tenant, Optional<Ed25519PublicKey> key) {
    String id = CredentialIssuer.issuerId(tenant.slug());
    JsonObjectBuilder profile = Json.createObjectBuilder()
        .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json").add("https://w3id.org/security/multikey/v1"))
        .add("id", id)
        .add("type", Json.createArrayBuilder().add("Profile"))
        .add("name", tenant.name())
        .add("revocationList", CredentialIssuer.revocationListId(tenant.slug()));
    if (key.isPresent()) {
      String method = CredentialIssuer.verificationMethod(tenant.slug(), key.get());
      JsonArrayBuilder methods = Json.createArrayBuilder().add(Json.createObjectBuilder()
          .add("id", method)
          .add("type", "Multikey")
          .add("controller", id)
          .add("publicKeyMultibase", key.get().multibase())
          .add("publicKeyJwk", key.get().jwk()));
      profile.add("verificationMethod", methods).add("assertionMethod", Json.createArrayBuilder().add(method));
    }
    return profile.build().toString();
  }

  private static void json(HttpServletResponse res, String body, String cache) throws IOException {
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", cache);
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.getWriter().write(body);
  }
}
