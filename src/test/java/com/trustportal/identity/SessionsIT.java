package com.trustportal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.identity.boundary.AccountRefused;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.web.PortalHttp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rights are checked on every request (issue 11, finding 3) and guessing cannot lock anyone out
 * (finding 5), over HTTP as a browser sees it, in the IT tenant {@code sessions}: each test signs in
 * with its own account, changes it through the admin's API or pages, and looks at what the old
 * session and tokens can still do.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

  private static final Pattern TOKEN = Pattern.compile("tp_[a-z0-9-]+_[0-9a-f]{64}");
  private static final Pattern RETRY = Pattern.compile("Too many attempts\\. Try again in (\\d+) seconds?\\.");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(SessionsIT.class, PortalHttp.class);
  }

  @ArquillianResource URL base;

  @Inject Accounts accounts;

  private String tenant() {
    return base + "t/sessions/";
  }

  @Test
  @RunAsClient
  void aDemotedAdminLosesTheAdminPagesAtOnceAndTheirTokenStopsWorking() throws Exception {
    HttpClient boss = PortalHttp.signedIn(tenant(), "boss@sessions.example");
    String bossToken = token(boss);
    assertEquals(200, PortalHttp.get(boss, tenant() + "admin/index.xhtml").statusCode());
    assertEquals(200, api("GET", "learners?max=5", bossToken, null).statusCode(), "the boss's token works before");
    String admin = token(PortalHttp.signedIn(tenant(), "admin@sessions.example"));

    HttpResponse<String> demoted = api("PUT", "learners/" + id(admin, "boss@sessions.example"), admin,
        "{\"name\":\"Bo Boss\",\"role\":\"learner\"}");
    assertEquals(200, demoted.statusCode(), demoted.body());

    assertSignInRedirect(PortalHttp.get(boss, tenant() + "admin/index.xhtml"), "the demoted admin's next admin page");
    assertSignInRedirect(PortalHttp.get(boss, tenant() + "learn/index.xhtml"), "the whole session ended, not just admin");
    HttpResponse<String> refused = api("GET", "learners?max=5", bossToken, null);
    assertEquals(401, refused.statusCode(), "the token the demoted admin created: " + refused.body());
    assertEquals(200, api("GET", "learners?max=5", admin, null).statusCode(), "the remaining admin's token still works");
    HttpClient again = PortalHttp.signedIn(tenant(), "boss@sessions.example");
    assertEquals(403, PortalHttp.get(again, tenant() + "admin/index.xhtml").statusCode(), "signed in again: a learner now");
    assertEquals(200, PortalHttp.get(again, tenant() + "learn/index.xhtml").statusCode());
  }

  @Test
  @RunAsClient
  void aDeactivatedLearnersOpenSessionEnds() throws Exception {
    HttpClient learner = PortalHttp.signedIn(tenant(), "deactivated@sessions.example");
    assertEquals(200, PortalHttp.get(learner, tenant() + "learn/index.xhtml").statusCode());
    String admin = token(PortalHttp.signedIn(tenant(), "admin@sessions.example"));

    assertEquals(200, api("POST", "learners/" + id(admin, "deactivated@sessions.example") + "/deactivate", admin, "")
        .statusCode());

    assertSignInRedirect(PortalHttp.get(learner, tenant() + "learn/index.xhtml"), "the deactivated learner's session");
    assertEquals(200, signInAttempt(PortalHttp.client(), base.getHost(), "deactivated@sessions.example", "demo-password")
        .statusCode(), "no new session either: the sign-in page answers with its error");
  }

  @Test
  @RunAsClient
  void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
    String email = "password@sessions.example";
    HttpClient here = PortalHttp.signedIn(tenant(), email);
    HttpClient elsewhere = PortalHttp.signedIn(tenant(), email);
    String form = PortalHttp.get(here, tenant() + "learn/password.xhtml").body();

    HttpResponse<String> wrong = PortalHttp.post(here, tenant() + "learn/password.xhtml", formOf("password", "change",
        Map.of("current", "not-the-password", "chosen", "a-brand-new-password", "repeated", "a-brand-new-password"),
        PortalHttp.viewState(form)));
    assertTrue(wrong.body().contains("The current password is not right."), wrong.body());
    assertEquals(200, PortalHttp.get(elsewhere, tenant() + "learn/index.xhtml").statusCode(), "a refused change ends nothing");

    form = PortalHttp.get(here, tenant() + "learn/password.xhtml").body();
    HttpResponse<String> changed = PortalHttp.post(here, tenant() + "learn/password.xhtml", formOf("password", "change",
        Map.of("current", "demo-password", "chosen", "a-brand-new-password", "repeated", "a-brand-new-password"),
        PortalHttp.viewState(form)));
    assertTrue(changed.body().contains("Your password is changed."), changed.body());

    assertSignInRedirect(PortalHttp.get(elsewhere, tenant() + "learn/index.xhtml"), "the other session");
    assertEquals(200, PortalHttp.get(here, tenant() + "learn/index.xhtml").statusCode(), "the session that changed it goes on");
    assertEquals(302, signInAttempt(PortalHttp.client(), base.getHost(), email, "a-brand-new-password").statusCode());
    assertEquals(200, signInAttempt(PortalHttp.client(), base.getHost(), email, "demo-password").statusCode(),
        "the old password no longer signs in");
  }

  @Test
  @RunAsClient
  void anAdminEndsEverySessionOfALearnerFromTheLearnersPageAndTheTrailSaysSo() throws Exception {
    String email = "ended@sessions.example";
    HttpClient laptop = PortalHttp.signedIn(tenant(), email);
    HttpClient phone = PortalHttp.signedIn(tenant(), email);
    HttpClient admin = PortalHttp.signedIn(tenant(), "admin@sessions.example");
    String learnerId = id(token(admin), email);
    String page = PortalHttp.get(admin, tenant() + "admin/learner.xhtml?id=" + learnerId).body();
    assertTrue(page.contains("End all sessions"), "the button is on the learner's page");

    HttpResponse<String> ended = PortalHttp.post(admin, tenant() + "admin/learner.xhtml?id=" + learnerId,
        endSessionsClick(PortalHttp.viewState(page)));

    assertEquals(200, ended.statusCode());
    assertTrue(ended.body().contains("Every session of Eddie Ended has ended"), ended.body());
    assertSignInRedirect(PortalHttp.get(laptop, tenant() + "learn/index.xhtml"), "the laptop's session");
    assertSignInRedirect(PortalHttp.get(phone, tenant() + "learn/index.xhtml"), "the phone's session");
    assertEquals(200, PortalHttp.get(admin, tenant() + "admin/index.xhtml").statusCode(), "the admin stays signed in");
    String trail = PortalHttp.get(admin, tenant() + "admin/audit.xhtml").body();
    assertTrue(trail.contains("SESSIONS_ENDED") && trail.contains(email), "audited: " + trail);
    assertEquals(302, signInAttempt(PortalHttp.client(), base.getHost(), email, "demo-password").statusCode(),
        "the learner may sign in again");
  }

  @Test
  @RunAsClient
  void anotherTenantsAdminCannotReachThisTenantsLearnerPage() throws Exception {
    HttpClient learner = PortalHttp.signedIn(tenant(), "foreign@sessions.example");
    String learnerId = id(token(PortalHttp.signedIn(tenant(), "admin@sessions.example")), "foreign@sessions.example");
    HttpClient globex = PortalHttp.signedIn(base + "t/globex/", "admin@globex.example");

    assertEquals(403, PortalHttp.get(globex, tenant() + "admin/learner.xhtml?id=" + learnerId).statusCode());
    String own = PortalHttp.get(globex, base + "t/globex/admin/learner.xhtml?id=" + learnerId).body();
    assertFalse(own.contains("End all sessions"), "globex's page does not know this account");
    assertFalse(own.contains("foreign@sessions.example"));
    PortalHttp.post(globex, base + "t/globex/admin/learner.xhtml?id=" + learnerId, endSessionsClick(PortalHttp.viewState(own)));

    assertEquals(200, PortalHttp.get(learner, tenant() + "learn/index.xhtml").statusCode(), "the learner is still signed in");
  }

  /** In the container: the boundary itself refuses another tenant's admin and a learner (defence in depth). */
  @Test
  void endingSessionsIsRefusedToAnotherTenantsAdminAndToALearner() {
    Account learner = TenantContext.callAsUnchecked("sessions", () -> accounts.byEmail("foreign@sessions.example"))
        .orElseThrow();
    Account globexAdmin = TenantContext.callAsUnchecked("globex", () -> accounts.byEmail("admin@globex.example"))
        .orElseThrow();

    AccountRefused refused = assertThrows(AccountRefused.class, () -> TenantContext.runAs("globex",
        () -> accounts.endSessions(SignedInUser.of("globex", globexAdmin), learner.id())));
    assertEquals(AccountRefused.Reason.NO_SUCH_ACCOUNT, refused.reason());
    Exception notAdmin = assertThrows(Exception.class, () -> TenantContext.runAs("sessions",
        () -> accounts.endSessions(SignedInUser.of("sessions", learner), learner.id())));
    assertTrue(chain(notAdmin).contains("only the organisation's admins"), chain(notAdmin));

    long after = TenantContext.callAsUnchecked("sessions", () -> accounts.byEmail("foreign@sessions.example"))
        .orElseThrow().securityVersion();
    assertEquals(learner.securityVersion(), after, "no session of the learner was ended");
  }

  @Test
  @RunAsClient
  void signOutEverywhereEndsEverySessionOfTheLearner() throws Exception {
    String email = "everywhere@sessions.example";
    HttpClient here = PortalHttp.signedIn(tenant(), email);
    HttpClient elsewhere = PortalHttp.signedIn(tenant(), email);
    String page = PortalHttp.get(here, tenant() + "learn/index.xhtml").body();
    assertTrue(page.contains("Sign out everywhere"), "the button is in the header");

    HttpResponse<String> out = PortalHttp.post(here, tenant() + "learn/index.xhtml",
        formOf("signOut", "signOut:signOutEverywhere", Map.of(), PortalHttp.viewState(page)));

    assertEquals(302, out.statusCode(), out.body());
    assertTrue(out.headers().firstValue("Location").orElse("").contains("login.xhtml?signedOut=true"));
    assertSignInRedirect(PortalHttp.get(elsewhere, tenant() + "learn/index.xhtml"), "the other browser's session");
    assertSignInRedirect(PortalHttp.get(here, tenant() + "learn/index.xhtml"), "this browser's session");
  }

  @Test
  @RunAsClient
  void guessingFromOneAddressNeitherLocksOutTheRealUserNorGetsFasterButWaitsLongerAndLonger() throws Exception {
    String email = "throttled@sessions.example";
    String attacker = base.getHost();
    String owner = otherAddressOfThisMachine(attacker);
    HttpClient attack = PortalHttp.client();
    List<Long> waits = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      HttpResponse<String> guess = signInAttempt(attack, attacker, email, "wrong-password-" + i);
      assertEquals(200, guess.statusCode(), "guess " + i + " is refused on the page");
      Matcher retry = RETRY.matcher(guess.body());
      if (i < 5) {
        assertFalse(retry.find(), "no wait during the first four guesses (guess " + i + ")");
        assertTrue(guess.body().contains("E-mail or password is not right."));
      } else {
        assertTrue(retry.find(), "guess " + i + " must be told to wait: " + guess.body());
        waits.add(Long.parseLong(retry.group(1)));
      }
    }
    HttpResponse<String> right = signInAttempt(attack, attacker, email, "demo-password");
    assertEquals(200, right.statusCode(), "even the right password waits on the attacking address");
    assertTrue(RETRY.matcher(right.body()).find());
    for (int i = 1; i < waits.size(); i++) {
      assertTrue(waits.get(i) >= waits.get(i - 1), "the wait never shrinks: " + waits);
    }
    assertTrue(waits.get(5) > waits.get(0) * 8, "the wait grows: " + waits);
    assertTrue(waits.get(waits.size() - 1) <= 900, "and is capped at 15 minutes: " + waits);
    // an e-mail without an account is throttled in the same way: the answer does not tell whether it exists
    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@sessions.example";
    for (int i = 1; i <= 5; i++) {
      signInAttempt(PortalHttp.client(), attacker, nobody, "x-password-" + i);
    }
    assertTrue(RETRY.matcher(signInAttempt(PortalHttp.client(), attacker, nobody, "x-password").body()).find());

    HttpResponse<String> owners = signInAttempt(PortalHttp.client(), owner, email, "demo-password");

    assertEquals(302, owners.statusCode(), "the real user on " + owner + " signs in: " + owners.body());
  }

  // --- helpers

  private static void assertSignInRedirect(HttpResponse<String> response, String what) {
    assertEquals(302, response.statusCode(), what + " must be sent to sign-in, got " + response.statusCode());
    assertTrue(response.headers().firstValue("Location").orElse("").contains("/t/sessions/login.xhtml"),
        what + " goes to the tenant's sign-in: " + response.headers().firstValue("Location"));
  }

  /** One sign-in through the form, sent to {@code host} (the same server, seen from another client address). */
  private HttpResponse<String> signInAttempt(HttpClient http, String host, String email, String password) throws Exception {
    String login = new URL(base.getProtocol(), host, base.getPort(), base.getPath() + "t/sessions/login.xhtml").toString();
    String page = PortalHttp.get(http, login).body();
    return PortalHttp.post(http, login, Map.of("login", "login", "email", email, "password", password, "submit", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
  }

  private static Map<String, String> formOf(String form, String button, Map<String, String> fields, String viewState) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    all.putAll(fields);
    all.put(button, "");
    all.put("jakarta.faces.ViewState", viewState);
    return all;
  }

  /** The AJAX request PrimeFaces sends for the "End all sessions" button (process @this, update the form). */
  private static Map<String, String> endSessionsClick(String viewState) {
    Map<String, String> click = new LinkedHashMap<>();
    click.put("jakarta.faces.partial.ajax", "true");
    click.put("jakarta.faces.source", "learner:endSessions");
    click.put("jakarta.faces.partial.execute", "learner:endSessions");
    click.put("jakarta.faces.partial.render", "learner");
    click.put("learner:endSessions", "learner:endSessions");
    click.put("learner", "learner");
    click.put("jakarta.faces.ViewState", viewState);
    return click;
  }

  /** A second address of this machine that reaches the same server: loopback, or a real interface when the base is loopback. */
  private static String otherAddressOfThisMachine(String used) throws Exception {
    if (!InetAddress.getByName(used).isLoopbackAddress()) {
      return "127.0.0.1";
    }
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress() && nic.isUp()) {
          return address.getHostAddress();
        }
      }
    }
    throw new IllegalStateException("this machine has only the loopback address; the test needs two");
  }

  /** An admin's API token, created on the real page. */
  private String token(HttpClient admin) throws Exception {
    String url = tenant() + "admin/api-tokens.xhtml";
    String page = PortalHttp.get(admin, url).body();
    HttpResponse<String> created = PortalHttp.post(admin, url, Map.of("tokens", "tokens",
        "tokens:name", "IT " + UUID.randomUUID().toString().substring(0, 8), "tokens:create", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    Matcher m = TOKEN.matcher(created.body());
    assertTrue(m.find(), "a token is shown: " + created.body());
    return m.group();
  }

  private String id(String token, String email) throws Exception {
    HttpResponse<String> found = api("GET", "learners?max=5&q=" + email, token, null);
    assertEquals(200, found.statusCode(), found.body());
    JsonObject page = Json.createReader(new StringReader(found.body())).readObject();
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(o -> o.getString("email").equals(email))
        .findFirst().orElseThrow().getString("id");
  }

  private HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return PortalHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append(" / ");
    }
    return text.toString();
  }
}
