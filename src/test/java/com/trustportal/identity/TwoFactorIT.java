package com.trustportal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.boundary.AccountRefused;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.boundary.SecondStepResult;
import com.trustportal.identity.boundary.SignInResult;
import com.trustportal.identity.boundary.TwoFactor;
import com.trustportal.identity.control.Totp;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.PendingSignIn;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.web.PortalHttp;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Two-factor sign-in (issue 14) in the IT tenant {@code twofactor}, which requires it for admins and managers: over
 * HTTP as a browser meets it (the client computes codes from the secret the page shows, as an authenticator app
 * does), and in the container for states a test cannot wait for (an expired half sign-in). Each test uses its own
 * account. A code is good once, so a test uses at most the codes of the current step and the next.
 */
@ExtendWith(ArquillianExtension.class)
class TwoFactorIT {

  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>");
  private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>");
  private static final String TENANT = "twofactor";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(TwoFactorIT.class, PortalHttp.class);
  }

  @ArquillianResource URL base;

  @Inject Accounts accounts;
  @Inject TwoFactor twoFactor;
  @Inject AuditTrail audit;

  private String tenant() {
    return base + "t/" + TENANT + "/";
  }

  @Test
  @RunAsClient
  void aLearnerEnrolsThenSignsInWithACodeAndTheHalfSignedInSessionGetsNoPage() throws Exception {
    String email = "anna@twofactor.example";
    Enrolled enrolled = enrolFromOwnPage(email);
    assertEquals(10, enrolled.recoveryCodes().size(), "ten recovery codes, shown once");

    HttpClient browser = PortalHttp.client();
    HttpResponse<String> password = password(browser, email);
    assertEquals(302, password.statusCode(), password.body());
    assertTrue(location(password).contains("/t/twofactor/two-factor.xhtml"), location(password));
    HttpResponse<String> half = PortalHttp.get(browser, tenant() + "learn/index.xhtml");
    assertEquals(302, half.statusCode(), "a half-signed-in session gets no page");
    assertTrue(location(half).contains("/t/twofactor/login.xhtml"), location(half));

    HttpResponse<String> wrong = code(browser, wrongCode(enrolled.secret()));
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("That code is not right."), wrong.body());
    assertEquals(302, PortalHttp.get(browser, tenant() + "learn/index.xhtml").statusCode(), "still not signed in");

    String code = Totp.code(Totp.decode(enrolled.secret()), enrolled.step() + 1, 6);
    HttpResponse<String> right = code(browser, code);
    assertEquals(302, right.statusCode(), right.body());
    assertTrue(location(right).endsWith("/t/twofactor/learn/index.xhtml"), location(right));
    assertEquals(200, PortalHttp.get(browser, tenant() + "learn/index.xhtml").statusCode(), "signed in now");

    HttpClient replay = PortalHttp.client();
    assertEquals(302, password(replay, email).statusCode());
    HttpResponse<String> again = code(replay, code);
    assertTrue(again.body().contains("That code is not right."), "the same code twice: " + again.body());
    assertEquals(302, PortalHttp.get(replay, tenant() + "learn/index.xhtml").statusCode());
  }

  @Test
  @RunAsClient
  void aRecoveryCodeSignsInOnceAndIsRefusedTheSecondTime() throws Exception {
    String email = "rex@twofactor.example";
    String recovery = enrolFromOwnPage(email).recoveryCodes().get(3);

    HttpClient first = PortalHttp.client();
    assertEquals(302, password(first, email).statusCode());
    HttpResponse<String> used = code(first, recovery.toUpperCase());
    assertEquals(302, used.statusCode(), used.body());
    assertEquals(200, PortalHttp.get(first, tenant() + "learn/index.xhtml").statusCode());
    String page = PortalHttp.get(first, tenant() + "learn/two-factor.xhtml").body();
    assertTrue(page.contains("<span id=\"codes-left\">9</span>"), page);

    HttpClient second = PortalHttp.client();
    assertEquals(302, password(second, email).statusCode());
    HttpResponse<String> refused = code(second, recovery);
    assertTrue(refused.body().contains("That code is not right."), refused.body());
    assertEquals(302, PortalHttp.get(second, tenant() + "learn/index.xhtml").statusCode());
  }

  @Test
  @RunAsClient
  void aManagerWhoseRoleRequiresItMustEnrolBeforeAnyPage() throws Exception {
    HttpClient browser = PortalHttp.client();
    HttpResponse<String> password = password(browser, "mia@twofactor.example");
    assertEquals(302, password.statusCode(), password.body());
    assertTrue(location(password).contains("/t/twofactor/two-factor.xhtml"), location(password));

    String page = PortalHttp.get(browser, tenant() + "two-factor.xhtml").body();
    assertTrue(page.contains("id=\"must-enrol\""), page);
    String secret = group(SECRET, page);
    assertTrue(page.contains("otpauth://totp/Two%20Factor%20Testing%20SA:mia%40twofactor.example?secret=" + secret),
        page);
    for (String area : List.of("manage/index.xhtml", "learn/index.xhtml", "learn/two-factor.xhtml")) {
      assertEquals(302, PortalHttp.get(browser, tenant() + area).statusCode(), area + " before enrolment");
    }

    HttpResponse<String> done = PortalHttp.post(browser, tenant() + "two-factor.xhtml", Map.of("second", "second",
        "code", new Totp(Clock.systemUTC()).now(secret), "next", "", "verify", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    assertEquals(200, done.statusCode(), done.body());
    assertEquals(10, all(RECOVERY, done.body()).size(), done.body());
    assertTrue(done.body().contains("/t/twofactor/manage/index.xhtml"), "continues to the manager's home");
    assertEquals(200, PortalHttp.get(browser, tenant() + "manage/index.xhtml").statusCode());
    String own = PortalHttp.get(browser, tenant() + "learn/two-factor.xhtml").body();
    assertTrue(own.contains("id=\"required\"") && !own.contains("id=\"disable\""), "cannot be turned off: " + own);
  }

  @Test
  void aRecoveryCodeIsAuditedAndAnExpiredOrChangedHalfSignInIsRefused() {
    TenantContext.runAs(TENANT, () -> {
      Account rita = accounts.byEmail("rita@twofactor.example").orElseThrow();
      SignedInUser user = SignedInUser.of(TENANT, rita);
      String secret = twoFactor.begin(user, null, "10.20.30.1").secret();
      List<String> codes = twoFactor.confirm(user, new Totp(Clock.systemUTC()).now(secret), "10.20.30.1");
      // moving the factor to another app needs proof, as turning it off does: an open session alone is not enough
      SignedInUser enrolled = SignedInUser.of(TENANT, accounts.byEmail("rita@twofactor.example").orElseThrow());
      assertThrows(AccountRefused.class, () -> twoFactor.begin(enrolled, null, "10.20.30.1"), "no proof");
      assertThrows(AccountRefused.class, () -> twoFactor.begin(enrolled, "not-her-password", "10.20.30.1"), "wrong proof");
      assertTrue(twoFactor.begin(enrolled, "demo-password", "10.20.30.1").secret().length() >= 16, "the password is proof");

      SignInResult signIn = accounts.signIn("rita@twofactor.example", "demo-password", "10.20.30.1");
      assertTrue(signIn.user().isEmpty(), "a right password alone does not sign in");
      PendingSignIn pending = signIn.secondStep().orElseThrow();
      assertFalse(pending.mustEnrol());

      PendingSignIn expired = new PendingSignIn(TENANT, pending.accountId(), pending.email(),
          pending.securityVersion(), Instant.now().minusSeconds(1), false);
      assertTrue(twoFactor.complete(expired, codes.get(0), "10.20.30.1").ended(), "expired");
      PendingSignIn oldVersion = new PendingSignIn(TENANT, pending.accountId(), pending.email(),
          pending.securityVersion() - 1, pending.expiresAt(), false);
      assertTrue(twoFactor.complete(oldVersion, codes.get(0), "10.20.30.1").ended(), "another security version");

      SecondStepResult done = twoFactor.complete(pending, codes.get(0), "10.20.30.1");
      assertTrue(done.user().isPresent(), "the recovery code, still unused, signs in");
      assertTrue(twoFactor.complete(pending, codes.get(0), "10.20.30.1").user().isEmpty(), "but only once");

      Account admin = accounts.byEmail("admin@twofactor.example").orElseThrow();
      List<AuditEntry> trail = audit.page(SignedInUser.of(TENANT, admin), 0, 200);
      assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.RECOVERY_CODE_USED
          && e.subject().equals("rita@twofactor.example")), "the recovery code's use is in the audit trail");
      assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.TWO_FACTOR_ENABLED
          && e.subject().equals("rita@twofactor.example")));
    });
  }

  @Test
  void aHalfSignInOfAnotherTenantIsRefused() {
    PendingSignIn pending = TenantContext.callAsUnchecked(TENANT, () -> {
      Account eve = accounts.byEmail("eve@twofactor.example").orElseThrow();
      return new PendingSignIn(TENANT, eve.id(), eve.email(), eve.securityVersion(), Instant.now().plusSeconds(60),
          true);
    });
    SecondStepResult elsewhere = TenantContext.callAsUnchecked("acme",
        () -> twoFactor.complete(pending, "123456", "10.20.30.2"));
    assertTrue(elsewhere.ended() && elsewhere.user().isEmpty(), "refused in any tenant but its own");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private record Enrolled(String secret, long step, List<String> recoveryCodes) {}

  /** Signs in with the password (no second factor yet), turns it on from the own page; returns secret and codes. */
  private Enrolled enrolFromOwnPage(String email) throws Exception {
    HttpClient http = PortalHttp.signedIn(tenant(), email);
    String page = PortalHttp.get(http, tenant() + "learn/two-factor.xhtml").body();
    assertTrue(page.contains("id=\"state-off\""), page);
    HttpResponse<String> begun = PortalHttp.post(http, tenant() + "learn/two-factor.xhtml", Map.of(
        "twoFactor", "twoFactor", "begin", "", "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    String secret = group(SECRET, begun.body());
    Totp totp = new Totp(Clock.systemUTC());
    long step = totp.step();
    HttpResponse<String> confirmed = PortalHttp.post(http, tenant() + "learn/two-factor.xhtml", Map.of(
        "twoFactor", "twoFactor", "code", Totp.code(Totp.decode(secret), step, 6), "confirm", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(begun.body())));
    assertTrue(confirmed.body().contains("Two-factor sign-in is on."), confirmed.body());
    return new Enrolled(secret, step, all(RECOVERY, confirmed.body()));
  }

  private HttpResponse<String> password(HttpClient http, String email) throws Exception {
    String login = PortalHttp.get(http, tenant() + "login.xhtml").body();
    return PortalHttp.post(http, tenant() + "login.xhtml", Map.of("login", "login", "email", email,
        "password", "demo-password", "submit", "", "jakarta.faces.ViewState", PortalHttp.viewState(login)));
  }

  private HttpResponse<String> code(HttpClient http, String code) throws Exception {
    String page = PortalHttp.get(http, tenant() + "two-factor.xhtml").body();
    return PortalHttp.post(http, tenant() + "two-factor.xhtml", Map.of("second", "second", "code", code,
        "next", "", "verify", "", "jakarta.faces.ViewState", PortalHttp.viewState(page)));
  }

  /** A six-digit code that is none of the accepted steps' codes. */
  private static String wrongCode(String secret) {
    Totp totp = new Totp(Clock.systemUTC());
    for (int i = 0; ; i++) {
      String candidate = String.format("%06d", (123456 + i * 7919) % 1_000_000);
      if (totp.accepted(secret, candidate, Long.MIN_VALUE).isEmpty()) {
        return candidate;
      }
    }
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String group(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertTrue(m.find(), pattern + " not in " + html);
    return m.group(1);
  }

  private static List<String> all(Pattern pattern, String html) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
