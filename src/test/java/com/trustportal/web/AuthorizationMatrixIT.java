package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every admin and manager page of a tenant (and its public password reset pages) against every kind of caller, over HTTP: anonymous (sent to
 * sign-in), learner, manager, the tenant's admin, and another tenant's admin. One table states what is
 * allowed; the test fails on the first cell that differs and lists all of them.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

  private static final int OK = 200;
  private static final int SIGN_IN = 302;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;
  private static final int UNAUTHORISED = 401;
  /** SCIM endpoints of a tenant; a session is no SCIM credential, whoever's it is. */
  private static final List<String> SCIM = List.of("scim/v2/Users", "scim/v2/Groups", "scim/v2/ServiceProviderConfig",
      "scim/v2/ResourceTypes", "scim/v2/Schemas", "scim/v2/Users/00000000-0000-0000-0000-000000000000");
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("tp_[a-z0-9-]+_[0-9a-f]{64}");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  /** Page → expected status for: anonymous, learner, manager, admin, other tenant's admin. */
  private static final Map<String, int[]> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("admin/index.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/import.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/learner.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/import-progress", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/audit.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/api-tokens.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/scim-tokens.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/dashboard.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    MATRIX.put("admin/certificates.xhtml", new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN});
    // a well-formed code that is not a certificate of this tenant: admins get 404, never another tenant's PDF
    MATRIX.put("admin/certificates/0000-0000-0000-0000-0000-0000-0000.pdf",
        new int[] {SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN});
    MATRIX.put("manage/index.xhtml", new int[] {SIGN_IN, FORBIDDEN, OK, OK, FORBIDDEN});
    MATRIX.put("learn/index.xhtml", new int[] {SIGN_IN, OK, OK, OK, FORBIDDEN});
    MATRIX.put("learn/two-factor.xhtml", new int[] {SIGN_IN, OK, OK, OK, FORBIDDEN});
    MATRIX.put("learn/certificates/0000-0000-0000-0000-0000-0000-0000.pdf",
        new int[] {SIGN_IN, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN});
    // the password reset pages are public: anyone of the tenant, signed in or not (a session of another tenant is
    // refused in every tenant but its own); a made-up token shows the expired-link notice, nothing else
    MATRIX.put("forgot.xhtml", new int[] {OK, OK, OK, OK, FORBIDDEN});
    // the second step of a sign-in is public (a half-signed-in session has no role); without one waiting it says so
    MATRIX.put("two-factor.xhtml", new int[] {OK, OK, OK, OK, FORBIDDEN});
    MATRIX.put("reset.xhtml?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new int[] {OK, OK, OK, OK, FORBIDDEN});
    // single sign-on: acme has no identity provider, so its SSO endpoints do not exist (a tenant with one: the test below)
    MATRIX.put("sso/oidc/start", new int[] {NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN});
    MATRIX.put("sso/oidc/callback?code=x&state=y", new int[] {NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN});
    SCIM.forEach(path -> MATRIX.put(path, new int[] {UNAUTHORISED, UNAUTHORISED, UNAUTHORISED, UNAUTHORISED, UNAUTHORISED}));
  }

  /**
   * The SSO endpoints of a tenant that has an identity provider (IT tenant ssob, its provider the mock server on
   * localhost:18089): anyone of the tenant may start a sign-in and is sent to the provider; a callback that names no
   * sign-in of this session is refused (400); a session of another tenant gets 403 on both, as on every page.
   */
  @Test
  void ssoEndpointsOfATenantWithAProviderAnswerEachCallerAsTheTableSays() throws Exception {
    MockOAuth2Server provider = new MockOAuth2Server();
    provider.start(InetAddress.getByName("localhost"), 18089);
    try {
      String ssob = base + "t/ssob/";
      List<HttpClient> callers = List.of(client(), signedIn(ssob, "known@ssob.example"),
          signedIn(ssob, "admin@ssob.example"), signedIn(base + "t/acme/", "admin@acme.example"));
      String[] names = {"anonymous", "learner", "admin", "acme admin"};
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < callers.size(); i++) {
        HttpResponse<String> start = callers.get(i).send(HttpRequest.newBuilder(URI.create(ssob + "sso/oidc/start")).build(),
            HttpResponse.BodyHandlers.ofString());
        String location = start.headers().firstValue("Location").orElse("");
        boolean other = i == 3;
        if (other ? start.statusCode() != FORBIDDEN
            : start.statusCode() != 302 || !location.startsWith("http://localhost:18089/ssob/authorize?")) {
          wrong.add("sso/oidc/start as " + names[i] + ": " + start.statusCode() + " " + location);
        }
        HttpResponse<String> callback = callers.get(i).send(HttpRequest.newBuilder(
            URI.create(ssob + "sso/oidc/callback?code=x&state=made-up")).build(), HttpResponse.BodyHandlers.ofString());
        if (callback.statusCode() != (other ? FORBIDDEN : 400)) {
          wrong.add("sso/oidc/callback as " + names[i] + ": " + callback.statusCode());
        }
      }
      assertEquals(List.of(), wrong);
    } finally {
      provider.shutdown();
    }
  }

  @Test
  void everyProtectedPageAnswersEachCallerAsTheTableSays() throws Exception {
    String acme = base + "t/acme/";
    List<HttpClient> callers = List.of(
        client(),
        signedIn(acme, "learner@acme.example"),
        signedIn(acme, "manager@acme.example"),
        signedIn(acme, "admin@acme.example"),
        signedIn(base + "t/globex/", "admin@globex.example"));
    String[] names = {"anonymous", "learner", "manager", "admin", "globex admin"};
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, int[]> page : MATRIX.entrySet()) {
      for (int i = 0; i < callers.size(); i++) {
        HttpResponse<String> response = callers.get(i).send(
            HttpRequest.newBuilder(URI.create(acme + page.getKey())).build(), HttpResponse.BodyHandlers.ofString());
        int expected = page.getValue()[i];
        if (response.statusCode() != expected) {
          wrong.add(page.getKey() + " as " + names[i] + ": " + response.statusCode() + ", expected " + expected);
        } else if (expected == SIGN_IN) {
          assertTrue(response.headers().firstValue("Location").orElse("").contains("/t/acme/login.xhtml"),
              page.getKey() + " must send anonymous callers to the tenant's sign-in");
        } else if (expected == OK) {
          assertTrue(!response.body().contains("globex.example"), page.getKey() + " as " + names[i] + " shows globex data");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyScimEndpointOpensToItsTenantsScimTokenOnly() throws Exception {
    String acme = base + "t/acme/";
    HttpClient acmeAdmin = signedIn(acme, "admin@acme.example");
    String acmeScim = token(acmeAdmin, acme, "scim-tokens");
    String acmeApi = token(acmeAdmin, acme, "api-tokens");
    String globexScim = token(signedIn(base + "t/globex/", "admin@globex.example"), base + "t/globex/", "scim-tokens");
    String[] names = {"no token", "acme's REST API token", "globex's SCIM token", "acme's SCIM token"};
    String[] tokens = {null, acmeApi, globexScim, acmeScim};
    List<String> wrong = new ArrayList<>();
    for (String path : SCIM) {
      int[] expected = {UNAUTHORISED, UNAUTHORISED, UNAUTHORISED, path.contains("/Users/0") ? NOT_FOUND : OK};
      for (int i = 0; i < tokens.length; i++) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(acme + path));
        if (tokens[i] != null) {
          request.header("Authorization", "Bearer " + tokens[i]);
        }
        HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected[i]) {
          wrong.add(path + " with " + names[i] + ": " + response.statusCode() + ", expected " + expected[i]);
        } else if (expected[i] == OK) {
          assertTrue(!response.body().contains("globex.example"), path + " shows globex data");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** A token created by the admin on the tenant's page for that kind of token (shown once, read from the page). */
  private static String token(HttpClient admin, String tenant, String page) throws Exception {
    String url = tenant + "admin/" + page + ".xhtml";
    String form = PortalHttp.get(admin, url).body();
    HttpResponse<String> created = PortalHttp.post(admin, url, Map.of("tokens", "tokens", "tokens:name", "matrix",
        "tokens:create", "", "jakarta.faces.ViewState", PortalHttp.viewState(form)));
    java.util.regex.Matcher m = TOKEN.matcher(created.body());
    assertTrue(m.find(), page + ": the new token is shown");
    return m.group();
  }

  private static HttpClient client() {
    return PortalHttp.client();
  }

  private static HttpClient signedIn(String tenant, String email) throws Exception {
    return PortalHttp.signedIn(tenant, email);
  }
}
