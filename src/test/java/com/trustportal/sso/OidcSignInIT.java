package com.trustportal.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.trustportal.Deployments;
import com.trustportal.web.PortalHttp;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenID Connect sign-in per tenant over plain HTTP, as a browser meets it (redirects followed by hand, cookies
 * kept), against mock-oauth2-server in this JVM (issuers {@code ssoa} and {@code ssob} on localhost:18089, as the
 * IT tenants {@code ssoa} and {@code ssob} name them). The happy paths go through the mock server's own authorize
 * and token endpoints; the edge cases answer the portal's token request with an ID token made for the case
 * (wrong issuer, audience, expiry, nonce, tenant, key), signed by the mock server's keys unless the case is the key.
 */
@ExtendWith(ArquillianExtension.class)
class OidcSignInIT {

  static final int PORT = 18089;
  private static final String REFUSED = "id=\"sso-refused\"";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private MockOAuth2Server provider;
  private final CannedTokenAnswer canned = new CannedTokenAnswer();
  private HttpClient browser;

  @BeforeEach
  void startProvider() throws Exception {
    provider = new MockOAuth2Server(canned);
    provider.start(InetAddress.getByName("localhost"), PORT);
    browser = PortalHttp.client();
  }

  @AfterEach
  void stopProvider() {
    provider.shutdown();
  }

  @Test
  void firstSignInCreatesTheAccountWithTheRoleOfItsGroupsAndSignsItIn() throws Exception {
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@ssoa.example";
    provider.enqueueCallback(person("ssoa", "portal-ssoa", email, "Nia Newcomer", List.of("staff", "portal-managers")));
    HttpResponse<String> landed = signInThroughProvider("ssoa");
    assertEquals(302, landed.statusCode(), landed.body());
    assertTrue(location(landed).endsWith(base.getPath() + "t/ssoa/manage/index.xhtml"), location(landed));
    HttpResponse<String> page = get(location(landed));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Nia Newcomer"), "the manager's page names the new account");
    // the session is the tenant's only: the other tenant's pages refuse it
    assertEquals(403, get(base + "t/ssob/login.xhtml").statusCode());
    // the admin sees the creation and the sign-in in the audit trail
    HttpClient admin = PortalHttp.signedIn(base + "t/ssoa/", "admin@ssoa.example");
    String audit = PortalHttp.get(admin, base + "t/ssoa/admin/audit.xhtml").body();
    assertTrue(audit.contains("SSO_ACCOUNT_CREATED") && audit.contains(email), "creation audited");
    assertTrue(audit.contains("SSO_SIGN_IN"), "sign-in audited");
  }

  @Test
  void aKnownAccountSignsInWithoutJitAndLandsOnMyLearning() throws Exception {
    provider.enqueueCallback(person("ssob", "portal-ssob", "known@ssob.example", "Kai Known", List.of()));
    HttpResponse<String> landed = signInThroughProvider("ssob");
    assertTrue(location(landed).endsWith(base.getPath() + "t/ssob/learn/index.xhtml"), location(landed));
    assertEquals(200, get(location(landed)).statusCode());
  }

  @Test
  void anUnknownPersonIsRefusedWhereAccountsAreNotCreatedOnSignIn() throws Exception {
    provider.enqueueCallback(person("ssob", "portal-ssob", "stranger@ssob.example", "Sam Stranger", List.of()));
    HttpResponse<String> refused = signInThroughProvider("ssob");
    expectRefused(refused, 403, "NO_ACCOUNT");
    assertTrue(refused.body().contains("no account for stranger@ssob.example"), refused.body());
  }

  @Test
  void anAddressOutsideTheAllowedDomainsIsRefused() throws Exception {
    provider.enqueueCallback(person("ssoa", "portal-ssoa", "someone@elsewhere.example", "Eli Else", List.of()));
    expectRefused(signInThroughProvider("ssoa"), 403, "DOMAIN_NOT_ALLOWED");
  }

  /** The control for the cases below: a token made the same way, with nothing wrong, signs in. */
  @Test
  void aMadeTokenWithEverythingRightSignsIn() throws Exception {
    Started started = start("ssoa");
    answerTokenRequestWith(provider.issueToken("ssoa", "portal-ssoa", callback("ssoa", "portal-ssoa", started.nonce, 3600)));
    HttpResponse<String> landed = callback(started, "ssoa");
    assertEquals(302, landed.statusCode(), landed.body());
    assertTrue(location(landed).endsWith(base.getPath() + "t/ssoa/learn/index.xhtml"), location(landed));
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    Started started = start("ssoa");
    answerTokenRequestWith(provider.issueToken("ssob", "portal-ssoa", callback("ssob", "portal-ssoa", started.nonce, 3600)));
    expectRefused(callback(started, "ssoa"), 403, "INVALID_TOKEN");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    Started started = start("ssoa");
    answerTokenRequestWith(provider.issueToken("ssoa", "someone-else", callback("ssoa", "someone-else", started.nonce, 3600)));
    expectRefused(callback(started, "ssoa"), 403, "INVALID_TOKEN");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Started started = start("ssoa");
    answerTokenRequestWith(provider.issueToken("ssoa", "portal-ssoa", callback("ssoa", "portal-ssoa", started.nonce, -600)));
    expectRefused(callback(started, "ssoa"), 403, "INVALID_TOKEN");
  }

  @Test
  void aTokenCarryingTheNonceOfAnEarlierSignInIsRefused() throws Exception {
    Started earlier = start("ssoa");
    Started now = start("ssoa");
    answerTokenRequestWith(provider.issueToken("ssoa", "portal-ssoa", callback("ssoa", "portal-ssoa", earlier.nonce, 3600)));
    expectRefused(callback(now, "ssoa"), 403, "INVALID_TOKEN");
  }

  @Test
  void aStateWorksOnceOnly() throws Exception {
    String email = "once-" + UUID.randomUUID().toString().substring(0, 8) + "@ssoa.example";
    provider.enqueueCallback(person("ssoa", "portal-ssoa", email, "Ona Once", List.of()));
    Started started = start("ssoa");
    String callback = authorize(started);
    HttpResponse<String> first = get(callback);
    assertEquals(302, first.statusCode(), first.body());
    HttpResponse<String> replayed = get(callback);
    expectRefused(replayed, 400, "SIGN_IN_EXPIRED");
    // and a state this session never started is refused too
    expectRefused(get(base + "t/ssoa/sso/oidc/callback?code=x&state=" + UUID.randomUUID()), 400, "SIGN_IN_EXPIRED");
  }

  @Test
  void aCallbackOfOneTenantIsRefusedOnTheOther() throws Exception {
    provider.enqueueCallback(person("ssoa", "portal-ssoa", "learner@ssoa.example", "Lou Learner", List.of()));
    Started started = start("ssoa");
    String callback = authorize(started);
    assertTrue(callback.contains("/t/ssoa/sso/oidc/callback"), callback);
    HttpResponse<String> elsewhere = get(callback.replace("/t/ssoa/", "/t/ssob/"));
    expectRefused(elsewhere, 403, "OTHER_TENANT");
    // the sign-in was used up by the refusal: its own tenant does not take it afterwards either
    expectRefused(get(callback), 400, "SIGN_IN_EXPIRED");
    assertEquals(302, get(base + "t/ssob/learn/index.xhtml").statusCode(), "still anonymous on the other tenant");
  }

  @Test
  void aTokenIssuedForOneTenantIsRefusedByTheOther() throws Exception {
    Started started = start("ssob");
    // a valid token of tenant ssoa's provider and client, with the nonce the other tenant's sign-in expects
    answerTokenRequestWith(provider.issueToken("ssoa", "portal-ssoa", callback("ssoa", "portal-ssoa", started.nonce, 3600)));
    expectRefused(callback(started, "ssob"), 403, "INVALID_TOKEN");
  }

  @Test
  void afterTheProviderRotatesItsKeysTheNewKeyIsAcceptedAndAStrangersKeyIsNot() throws Exception {
    // the portal has the provider's present keys cached after one sign-in
    provider.enqueueCallback(person("ssoa", "portal-ssoa", "learner@ssoa.example", "Lou Learner", List.of()));
    assertEquals(302, signInThroughProvider("ssoa").statusCode());
    // the provider comes back with a new key
    provider.shutdown();
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID()).generate();
    provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
        new OAuth2TokenProvider(new KeyProvider(List.of(rotated)))), canned);
    provider.start(InetAddress.getByName("localhost"), PORT);
    browser = PortalHttp.client();
    provider.enqueueCallback(person("ssoa", "portal-ssoa", "learner@ssoa.example", "Lou Learner", List.of()));
    HttpResponse<String> afterRotation = signInThroughProvider("ssoa");
    assertEquals(302, afterRotation.statusCode(), afterRotation.body());
    assertTrue(location(afterRotation).endsWith(base.getPath() + "t/ssoa/learn/index.xhtml"), location(afterRotation));
    // a token signed by a key the provider does not publish (right issuer, audience and nonce) is refused
    browser = PortalHttp.client();
    Started started = start("ssoa");
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    answerTokenRequestWith(sign(stranger, new JWTClaimsSet.Builder().issuer(issuer("ssoa"))
        .audience("portal-ssoa").subject("learner").claim("email", "learner@ssoa.example").claim("nonce", started.nonce)
        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build()));
    expectRefused(callback(started, "ssoa"), 403, "INVALID_TOKEN");
  }

  @Test
  void passwordsAreRefusedForLearnersWhereTheTenantSignsInThroughItsProviderButNotForItsAdmins() throws Exception {
    HttpResponse<String> learner = passwordSignIn("ssoa", "learner@ssoa.example");
    assertEquals(200, learner.statusCode(), "the sign-in page again, with an error");
    HttpResponse<String> admin = passwordSignIn("ssoa", "admin@ssoa.example");
    assertEquals(302, admin.statusCode());
    assertTrue(location(admin).endsWith("/t/ssoa/admin/index.xhtml"), location(admin));
    // where passwords stay allowed, a learner signs in with one
    assertEquals(302, passwordSignIn("ssob", "known@ssob.example").statusCode());
  }

  @Test
  void theSignInPageOffersTheTenantsButton() throws Exception {
    String page = get(base + "t/ssoa/login.xhtml").body();
    assertTrue(page.contains("Sign in with Alpha ID"), "the label of the tenant file");
    assertTrue(page.contains("href=\"" + base.getPath() + "t/ssoa/sso/oidc/start\""), page);
    assertTrue(get(base + "t/ssob/login.xhtml").body().contains("Sign in with SSO Beta GmbH"), "the default label");
    String plain = get(base + "t/acme/login.xhtml").body();
    assertTrue(!plain.contains("sso-start"), "no button where no provider is set up");
    assertEquals(404, get(base + "t/acme/sso/oidc/start").statusCode());
  }

  // ---------------------------------------------------------------------------------------------------

  /** A sign-in the portal has started: the state and nonce it sent to the provider. */
  record Started(String authorizeUrl, String state, String nonce) {}

  private Started start(String tenant) throws Exception {
    HttpResponse<String> start = get(base + "t/" + tenant + "/sso/oidc/start");
    assertEquals(302, start.statusCode(), start.body());
    String url = location(start);
    assertTrue(url.startsWith(issuer(tenant) + "/authorize?"), url);
    Map<String, String> query = query(URI.create(url));
    assertEquals("S256", query.get("code_challenge_method"));
    assertTrue(query.get("code_challenge").length() >= 43, "a PKCE challenge");
    return new Started(url, query.get("state"), query.get("nonce"));
  }

  /** The provider's answer to the authorization request: the portal's callback URL with code and state. */
  private String authorize(Started started) throws Exception {
    HttpResponse<String> answer = get(started.authorizeUrl());
    assertEquals(302, answer.statusCode(), answer.body());
    return location(answer);
  }

  /** The issuer as the IT tenant's file names it. */
  private static String issuer(String tenant) {
    return "http://localhost:" + PORT + "/" + tenant;
  }

  private HttpResponse<String> signInThroughProvider(String tenant) throws Exception {
    return get(authorize(start(tenant)));
  }

  /** The callback as the provider would send it, with a code the enqueued token answer redeems. */
  private HttpResponse<String> callback(Started started, String tenant) throws Exception {
    return get(base + "t/" + tenant + "/sso/oidc/callback?code=made-up-code&state=" + started.state());
  }

  private void answerTokenRequestWith(SignedJWT idToken) {
    canned.answerNextWith(idToken.serialize());
  }

  private static DefaultOAuth2TokenCallback person(String issuer, String audience, String email, String name,
      List<String> groups) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("email", email);
    claims.put("name", name);
    claims.put("groups", groups);
    return new DefaultOAuth2TokenCallback(issuer, "sub-" + email, "JWT", List.of(audience), claims, 3600);
  }

  private static DefaultOAuth2TokenCallback callback(String issuer, String audience, String nonce, long expiry) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("email", "learner@ssoa.example");
    claims.put("name", "Lou Learner");
    claims.put("nonce", nonce);
    return new DefaultOAuth2TokenCallback(issuer, "sub-learner", "JWT", List.of(audience), claims, expiry);
  }

  private static SignedJWT sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt;
  }

  private HttpResponse<String> passwordSignIn(String tenant, String email) throws Exception {
    HttpClient http = PortalHttp.client();
    String url = base + "t/" + tenant + "/login.xhtml";
    String login = PortalHttp.get(http, url).body();
    return PortalHttp.post(http, url, Map.of("login", "login", "email", email, "password", "demo-password",
        "jakarta.faces.ViewState", PortalHttp.viewState(login), "submit", ""));
  }

  private static void expectRefused(HttpResponse<String> answer, int status, String reason) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains(REFUSED) && answer.body().contains("data-reason=\"" + reason + "\""),
        "refused for " + reason + ": " + answer.body());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return PortalHttp.get(browser, url.startsWith("/") ? base.getProtocol() + "://" + base.getAuthority() + url : url);
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }
}
