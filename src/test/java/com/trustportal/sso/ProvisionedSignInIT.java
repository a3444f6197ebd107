package com.trustportal.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.trustportal.scim.ScimCalls.ERROR;
import static com.trustportal.scim.ScimCalls.body;
import static com.trustportal.scim.ScimCalls.json;

import com.trustportal.Deployments;
import com.trustportal.scim.ScimCalls;
import com.trustportal.web.PortalHttp;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of an account that the customer's identity provider owns, end to end over plain HTTP: SCIM creates it
 * (Okta's request body), the person signs in by OpenID Connect (mock-oauth2-server in this JVM, issuer
 * {@code ssoscim} on localhost:18091, as IT tenant {@code ssoscim} names it; that tenant creates no accounts on
 * sign-in), SCIM deactivates it (Entra's PATCH body), and the person's open session ends at once and the seat is
 * free for the next SCIM create. The tenant has two seats, one taken by a learner of its file; admins take none.
 */
@ExtendWith(ArquillianExtension.class)
class ProvisionedSignInIT {

  static final int PORT = 18091;
  private static final String TENANT = "ssoscim";
  private static final String CLIENT_ID = "portal-ssoscim";
  private static final String REFUSED = "id=\"sso-refused\"";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private MockOAuth2Server provider;
  private final HttpClient scimHttp = PortalHttp.client();
  private HttpClient browser;

  @BeforeEach
  void startProvider() throws Exception {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getByName("localhost"), PORT);
    browser = PortalHttp.client();
  }

  @AfterEach
  void stopProvider() {
    provider.shutdown();
  }

  @Test
  void scimCreatesThePersonWhoSignsInBySsoAndScimDeactivationEndsTheSessionAndFreesTheSeat() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String person = "person-" + run + "@" + TENANT + ".example";
    String next = "next-" + run + "@" + TENANT + ".example";
    String token = scimToken();

    // (1) not provisioned yet: the provider knows the person, the portal does not and creates no account
    HttpResponse<String> unknown = signInAs(person);
    expectRefused(unknown, 403, "NO_ACCOUNT");
    assertTrue(unknown.body().contains("no account for " + person), unknown.body());
    assertEquals(302, get("learn/index.xhtml").statusCode(), "the refused browser is not signed in");
    assertEquals(0, found(token, person), "the refused sign-in created nothing");

    // (2) Okta provisions the person: the last free seat
    JsonObject created = json(scim("POST", "Users", token, body("okta/create-user.json", Map.of("userName", person))), 201);
    String id = created.getString("id");
    assertEquals(person, created.getString("userName"));
    assertTrue(created.getBoolean("active"));

    // (3) the same browser signs in through the provider now and lands on My learning, signed in
    HttpResponse<String> landed = signInAs(person);
    assertEquals(302, landed.statusCode(), landed.body());
    assertTrue(location(landed).endsWith(base.getPath() + "t/" + TENANT + "/learn/index.xhtml"), location(landed));
    HttpResponse<String> learning = get("learn/index.xhtml");
    assertEquals(200, learning.statusCode(), "signed in, not sent to sign-in: " + learning.headers().map());
    assertTrue(learning.body().contains("Olivia Okta"), "the page is the SCIM-created person's (name from SCIM)");

    // (4) both seats are taken (the file's learner and the person): the next create is refused and says why
    JsonObject full = json(scim("POST", "Users", token, body("okta/create-user.json", Map.of("userName", next))), 409);
    assertTrue(full.getJsonArray("schemas").toString().contains(ERROR), full.toString());
    assertTrue(full.getString("detail").contains("seat limit"), "says the seat limit: " + full);
    assertEquals(0, found(token, next), "nothing was created");

    // (5) Entra deactivates the person: the open session's next request goes to sign-in, and SSO lets nobody back in
    JsonObject deactivated = json(scim("PATCH", "Users/" + id, token, body("entra/disable-user.json", Map.of())), 200);
    assertFalse(deactivated.getBoolean("active"));
    HttpResponse<String> after = get("learn/index.xhtml");
    assertEquals(302, after.statusCode(), "the open session ended at once: " + after.body());
    assertTrue(location(after).contains("/t/" + TENANT + "/login.xhtml"), after.headers().map().toString());
    HttpResponse<String> again = signInAs(person);
    expectRefused(again, 403, "INACTIVE");
    assertEquals(302, get("learn/index.xhtml").statusCode(), "the refused sign-in did not sign the browser in");

    // (6) the seat is free: the create refused before now succeeds
    JsonObject seated = json(scim("POST", "Users", token, body("okta/create-user.json", Map.of("userName", next))), 201);
    assertTrue(seated.getBoolean("active"), "the freed seat is taken");
    assertEquals(1, found(token, next));
    assertFalse(json(scim("GET", "Users/" + id, token, null), 200).getBoolean("active"), "the person stays deactivated");
  }

  // ---------------------------------------------------------------------------------------------------

  /**
   * A sign-in through the provider as a browser makes it (as in {@link OidcSignInIT}): the portal's start, the
   * provider's authorize answer, then the portal's callback, whose answer is returned.
   */
  private HttpResponse<String> signInAs(String email) throws Exception {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("email", email);
    claims.put("name", "Olivia Okta");
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(TENANT, "sub-" + email, "JWT", List.of(CLIENT_ID), claims, 3600));
    HttpResponse<String> start = get("sso/oidc/start");
    assertEquals(302, start.statusCode(), start.body());
    assertTrue(location(start).startsWith("http://localhost:" + PORT + "/" + TENANT + "/authorize?"), location(start));
    HttpResponse<String> authorized = PortalHttp.get(browser, location(start));
    assertEquals(302, authorized.statusCode(), authorized.body());
    assertTrue(location(authorized).contains("/t/" + TENANT + "/sso/oidc/callback?"), location(authorized));
    return PortalHttp.get(browser, absolute(location(authorized)));
  }

  private static void expectRefused(HttpResponse<String> answer, int status, String reason) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains(REFUSED) && answer.body().contains("data-reason=\"" + reason + "\""),
        "refused for " + reason + ": " + answer.body());
  }

  /** A page of the tenant in the browser's session. */
  private HttpResponse<String> get(String page) throws Exception {
    return PortalHttp.get(browser, base + "t/" + TENANT + "/" + page);
  }

  private String absolute(String url) {
    return url.startsWith("/") ? base.getProtocol() + "://" + base.getAuthority() + url : url;
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  /** A SCIM token the tenant's admin creates on the real page. */
  private String scimToken() throws Exception {
    HttpClient admin = PortalHttp.signedIn(base + "t/" + TENANT + "/", "admin@" + TENANT + ".example");
    return ScimCalls.newToken(base, admin, TENANT, "scim-tokens", "IT lifecycle");
  }

  private int found(String token, String userName) throws Exception {
    String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8).replace("+", "%20");
    return json(scim("GET", "Users?filter=" + filter, token, null), 200).getInt("totalResults");
  }

  private HttpResponse<String> scim(String method, String path, String token, String body) throws Exception {
    return ScimCalls.send(scimHttp, base, TENANT, method, path, token, body);
  }
}
