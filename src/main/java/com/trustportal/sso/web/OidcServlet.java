package com.trustportal.sso.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.identity.web.SignIn;
import com.trustportal.identity.web.VerifiedSignIn;
import com.trustportal.sso.boundary.SsoRefused;
import com.trustportal.sso.boundary.SsoRefused.Reason;
import com.trustportal.sso.boundary.SsoSignIns;
import com.trustportal.sso.control.ClientSecrets;
import com.trustportal.sso.control.OidcProviders;
import com.trustportal.sso.control.PendingOidcSignIn;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.web.TenantFilter;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import com.trustportal.platform.web.Html;

/**
 * The two ends of a tenant's OpenID Connect sign-in, {@code /t/<slug>/sso/oidc/start} and
 * {@code /t/<slug>/sso/oidc/callback} (or the same under the tenant's own host name). The request gate has fixed the
 * tenant; this servlet answers only inside one. Start keeps a fresh state, nonce and PKCE verifier in the session,
 * bound to the tenant, and sends the browser to the tenant's provider. The callback takes that sign-in out of the
 * session (once), refuses it on any other tenant, redeems the code at the provider's token endpoint, has the ID
 * token checked, and signs the account in through the identity feature's authentication mechanism.
 */
@WebServlet("/sso/*")
public class OidcServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject TenantDirectory directory;
  @Inject OidcProviders providers;
  @Inject SsoSignIns signIns;
  @Inject SecurityContext security;

  Clock clock = Clock.systemUTC();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<String> tenant = TenantContext.current();
    Optional<TenantConfig> config = tenant.flatMap(directory::bySlug);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (config.isEmpty() || config.get().sso().isEmpty() || !(path.equals("/oidc/start") || path.equals("/oidc/callback"))) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    try {
      if (path.equals("/oidc/start")) {
        start(req, res, config.get());
      } else {
        callback(req, res, config.get());
      }
    } catch (SsoRefused e) {
      LOG.info(() -> "Tenant " + tenant.get() + ": single sign-on refused (" + e.reason() + "): " + e.getMessage());
      refuse(req, res, e);
    }
  }

  private void start(HttpServletRequest req, HttpServletResponse res, TenantConfig config) throws IOException {
    TenantConfig.Sso sso = config.sso().orElseThrow();
    OidcProviders.Provider provider = provider(config);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    PendingOidcSignIn.keep(req.getSession(true), new PendingOidcSignIn(config.slug(), state.getValue(), nonce.getValue(),
        verifier.getValue(), null, clock.instant()));
    URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
            new ClientID(sso.clientId()), callbackUri(req))
        .endpointURI(provider.metadata().getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build()
        .toURI();
    res.sendRedirect(authorization.toString());
  }

  private void callback(HttpServletRequest req, HttpServletResponse res, TenantConfig config) throws IOException {
    PendingOidcSignIn pending = PendingOidcSignIn.take(req.getSession(false), req.getParameter("state"));
    if (pending == null || pending.expired(clock.instant())) {
      throw new SsoRefused(Reason.SIGN_IN_EXPIRED, "This sign-in has expired or was used already. Start again.");
    }
    if (!pending.tenant().equals(config.slug())) {
      throw new SsoRefused(Reason.OTHER_TENANT, "This sign-in was started for another organisation and cannot be "
          + "finished at " + config.name() + ".");
    }
    if (req.getParameter("error") != null || req.getParameter("code") == null) {
      throw new SsoRefused(Reason.PROVIDER_ERROR, "Your identity provider did not sign you in ("
          + Optional.ofNullable(req.getParameter("error")).orElse("no code") + ").");
    }
    OidcProviders.Provider provider = provider(config);
    IDTokenClaimsSet claims = redeem(req, config, provider, pending, req.getParameter("code"));
    TenantConfig.Sso sso = config.sso().orElseThrow();
    SignedInUser user = signIns.signIn(new SsoSignIns.Identity(claims.getSubject().getValue(),
        claims.getStringClaim(sso.emailClaim()), claims.getStringClaim(sso.nameClaim()), groups(claims, sso)));
    AuthenticationStatus status = security.authenticate(req, res,
        AuthenticationParameters.withParams().credential(new VerifiedSignIn(user)).newAuthentication(true));
    if (status != AuthenticationStatus.SUCCESS) {
      throw new IllegalStateException("the authentication mechanism did not accept a verified sign-in: " + status);
    }
    res.sendRedirect(base(req) + SignIn.landing(user, pending.next()));
  }

  /** Redeems the code (with the PKCE verifier) and checks the ID token; every failure is a refusal. */
  private IDTokenClaimsSet redeem(HttpServletRequest req, TenantConfig config, OidcProviders.Provider provider,
      PendingOidcSignIn pending, String code) throws IOException {
    TenantConfig.Sso sso = config.sso().orElseThrow();
    Secret secret = new Secret(ClientSecrets.read(sso).orElseThrow(() -> new SsoRefused(Reason.NOT_CONFIGURED,
        "Single sign-on of " + config.name() + " is not completely set up (its client secret is missing).")));
    ClientID client = new ClientID(sso.clientId());
    List<ClientAuthenticationMethod> methods = provider.metadata().getTokenEndpointAuthMethods();
    ClientAuthentication authentication = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
    TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(), authentication,
        new AuthorizationCodeGrant(new AuthorizationCode(code), callbackUri(req), new CodeVerifier(pending.verifier())));
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(3000);
      http.setReadTimeout(10_000);
      TokenResponse response = OIDCTokenResponseParser.parse(http.send());
      if (!response.indicatesSuccess()) {
        throw new SsoRefused(Reason.PROVIDER_ERROR, "Your identity provider refused the sign-in ("
            + response.toErrorResponse().getErrorObject().getCode() + ").");
      }
      OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
      if (tokens.getOIDCTokens().getIDToken() == null) {
        throw new SsoRefused(Reason.INVALID_TOKEN, "Your identity provider sent no ID token.");
      }
      return provider.check().verify(tokens.getOIDCTokens().getIDToken(), pending.nonce());
    } catch (ParseException e) {
      LOG.log(Level.WARNING, "Tenant " + config.slug() + ": unreadable answer of the token endpoint", e);
      throw new SsoRefused(Reason.PROVIDER_ERROR, "Your identity provider's answer could not be read.");
    } catch (BadJOSEException | JOSEException e) {
      LOG.warning(() -> "Tenant " + config.slug() + ": ID token refused: " + e.getMessage());
      throw new SsoRefused(Reason.INVALID_TOKEN, "The sign-in could not be verified (the identity provider's token "
          + "was not valid for " + config.name() + "). Start again, or ask your IT.");
    }
  }

  private OidcProviders.Provider provider(TenantConfig config) {
    try {
      return providers.of(config.slug(), config.sso().orElseThrow());
    } catch (IOException | GeneralException e) {
      LOG.log(Level.WARNING, "Tenant " + config.slug() + ": the identity provider's discovery document cannot be read", e);
      throw new SsoRefused(Reason.PROVIDER_ERROR, "The identity provider of " + config.name()
          + " cannot be reached just now. Try again in a minute, or ask your IT.");
    }
  }

  /** The groups claim as a list: providers send a list, some a single string. */
  private static List<String> groups(IDTokenClaimsSet claims, TenantConfig.Sso sso) {
    Object value = claims.getClaim(sso.groupsClaim());
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  /** This tenant's callback, absolute, as its provider must have it registered. */
  private static URI callbackUri(HttpServletRequest req) {
    StringBuffer url = req.getRequestURL();
    String origin = url.substring(0, url.indexOf("/", url.indexOf("//") + 2));
    return URI.create(origin + base(req) + "/sso/oidc/callback");
  }

  private static String base(HttpServletRequest req) {
    Object base = req.getAttribute(TenantFilter.BASE);
    return base == null ? req.getContextPath() : base.toString();
  }

  private static void refuse(HttpServletRequest req, HttpServletResponse res, SsoRefused e) throws IOException {
    int status = switch (e.reason()) {
      case SIGN_IN_EXPIRED, PROVIDER_ERROR -> HttpServletResponse.SC_BAD_REQUEST;
      case NOT_CONFIGURED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
      default -> HttpServletResponse.SC_FORBIDDEN;
    };
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title>"
        + "</head><body><main><h1>Sign-in refused</h1><p id=\"sso-refused\" data-reason=\"" + e.reason() + "\">"
        + Html.escape(e.getMessage()) + "</p><p><a href=\"" + Html.escape(base(req))
        + "/login.xhtml\">Back to sign-in</a></p></main></body></html>");
  }
}
