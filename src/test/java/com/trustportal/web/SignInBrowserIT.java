package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The demo tenant acme in a real headless Chromium: sign-in per role, branding, refusal, sign-out. */
@ExtendWith(ArquillianExtension.class)
class SignInBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;
  private String acme;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
    acme = base.toString() + "t/acme/";
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void learnerSignsInToMyLearningUnderAcmesBranding() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    assertTrue(browser.driver().getCurrentUrl().endsWith("/t/acme/learn/index.xhtml"), browser.driver().getCurrentUrl());
    assertEquals("Lee Learner", browser.driver().findElement(By.id("learner-name")).getText());
    assertBrandedAsAcme();
  }

  @Test
  void managerSignsInToTheTeamViewAndSeesOnlyTheirReport() {
    browser.signIn(acme, "manager@acme.example", "demo-password");
    assertTrue(browser.driver().getCurrentUrl().endsWith("/t/acme/manage/index.xhtml"), browser.driver().getCurrentUrl());
    String team = browser.driver().findElement(By.id("team")).getText();
    assertTrue(team.contains("learner@acme.example"), team);
    assertFalse(team.contains("admin@acme.example"), team);
    assertBrandedAsAcme();
  }

  @Test
  void adminSignsInToAdministrationListingOnlyAcmeAccounts() {
    browser.signIn(acme, "admin@acme.example", "demo-password");
    assertTrue(browser.driver().getCurrentUrl().endsWith("/t/acme/admin/index.xhtml"), browser.driver().getCurrentUrl());
    String accounts = browser.driver().findElement(By.id("people:accounts")).getText();
    assertTrue(accounts.contains("manager@acme.example"), accounts);
    assertFalse(accounts.contains("globex"), accounts);
    assertBrandedAsAcme();
  }

  @Test
  void signInGivesANewSessionId() {
    browser.open(acme + "login.xhtml");
    String before = browser.sessionId();
    browser.signIn(acme, "learner@acme.example", "demo-password");
    assertNotNull(browser.sessionId());
    assertNotEquals(before, browser.sessionId());
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameMessage() {
    browser.open(acme + "login.xhtml");
    browser.driver().findElement(By.id("email")).sendKeys("learner@acme.example");
    browser.driver().findElement(By.id("password")).sendKeys("wrong-password-x");
    String wrongPassword = browser.submitAndRead(By.id("submit"), By.id("messages"));
    browser.open(acme + "login.xhtml");
    browser.driver().findElement(By.id("email")).sendKeys("nobody@acme.example");
    browser.driver().findElement(By.id("password")).sendKeys("wrong-password-x");
    String unknownUser = browser.submitAndRead(By.id("submit"), By.id("messages"));
    assertFalse(wrongPassword.isBlank());
    assertEquals(wrongPassword, unknownUser);
  }

  @Test
  void anAcmeSessionIsRefusedOnEveryGlobexUrl() {
    browser.signIn(acme, "admin@acme.example", "demo-password");
    for (String path : List.of("", "login.xhtml", "learn/index.xhtml", "admin/index.xhtml", "brand/logo")) {
      browser.open(base + "t/globex/" + path);
      assertEquals("Access refused · Trust Portal", browser.driver().getTitle(), path);
      assertFalse(browser.text().contains("Globex"), path);
    }
  }

  @Test
  void aLearnerIsRefusedOnAdminPages() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    browser.open(acme + "admin/index.xhtml");
    assertEquals("Access refused · Trust Portal", browser.driver().getTitle());
  }

  @Test
  void signOutEndsTheSession() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    String signedIn = browser.sessionId();
    String page = browser.submitAndRead(By.id("signOut:signOutButton"), By.id("signed-out"));
    assertEquals("You are signed out.", page);
    assertTrue(browser.driver().getCurrentUrl().contains("/t/acme/login.xhtml"), browser.driver().getCurrentUrl());
    browser.open(acme + "learn/index.xhtml");
    assertTrue(browser.driver().getCurrentUrl().contains("/t/acme/login.xhtml"), browser.driver().getCurrentUrl());
    assertNotEquals(signedIn, browser.sessionId());
  }

  @Test
  void thePlatformOperatorSignsInOutsideAllTenantsAndSeesTheRefusedTenant() {
    browser.signIn(base.toString(), "operator@portal.example", "it-operator-password");
    assertTrue(browser.driver().getCurrentUrl().endsWith("/platform/index.xhtml"), browser.driver().getCurrentUrl());
    assertTrue(browser.driver().findElement(By.id("tenants")).getText().contains("Acme Corporation"));
    assertTrue(browser.driver().findElement(By.id("refused")).getText().contains("broken/tenant.yaml:5: brand.primary"));
    browser.open(acme + "learn/index.xhtml");
    assertEquals("Access refused · Trust Portal", browser.driver().getTitle());
  }

  @Test
  void aTenantIsReachedByItsLocalhostHostName() {
    String port = String.valueOf(base.getPort());
    browser.open("http://acme.localhost:" + port + base.getPath());
    assertEquals("Acme Corporation", browser.driver().findElement(By.id("tenant-name")).getText());
    browser.open("http://globex.localhost:" + port + base.getPath());
    assertEquals("Globex Industries", browser.driver().findElement(By.id("tenant-name")).getText());
    browser.open("http://nope.localhost:" + port + base.getPath());
    assertEquals("Page not found · Trust Portal", browser.driver().getTitle());
  }

  @Test
  void anUnknownTenantGetsANotFoundPageWithoutAStackTrace() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(base + "t/no-such-tenant/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("Page not found"));
    assertFalse(response.body().contains("Exception"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(acme + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
  }

  @Test
  void readinessListsTheServedTenantsAndNamesTheRefusedOne() throws Exception {
    URI health = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("acme,certify,enrol,globex"), response.body());
    assertTrue(response.body().contains("failed.broken"), response.body());
    assertTrue(response.body().contains("broken/tenant.yaml:5: brand.primary"), response.body());
  }

  @Test
  void theLandingSignInAndRolePagesHaveNoSeriousAccessibilityViolations() {
    browser.open(base.toString());
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.open(acme + "login.xhtml");
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.signIn(acme, "admin@acme.example", "demo-password");
    Accessibility.assertNoSeriousViolations(browser.driver());
    for (String page : List.of("learn/index.xhtml", "manage/index.xhtml")) {
      browser.open(acme + page);
      Accessibility.assertNoSeriousViolations(browser.driver());
    }
  }

  private void assertBrandedAsAcme() {
    assertEquals("Acme Corporation", browser.driver().findElement(By.className("brand-name")).getText());
    String style = browser.driver().findElement(By.tagName("body")).getAttribute("style");
    assertTrue(style.contains("#b3261e"), style);
    assertTrue(browser.driver().findElement(By.className("brand-logo")).getAttribute("src").contains("/t/acme/brand/logo"));
  }
}
