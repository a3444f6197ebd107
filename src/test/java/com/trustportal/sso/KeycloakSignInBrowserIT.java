package com.trustportal.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Browser;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on end to end in headless Chromium with a real Keycloak, one realm per tenant (IT tenants kcacme and
 * kcglobex, realms of the same names in src/test/keycloak). Keycloak's login cookies are Secure even on http;
 * Chromium treats localhost as a secure context, so Keycloak is reached as localhost. Tagged "keycloak": it holds
 * nothing that depends on the database, so CI runs it in the H2 phase only.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("keycloak")
class KeycloakSignInBrowserIT {

  private static final Logger LOG = Logger.getLogger(KeycloakSignInBrowserIT.class.getName());
  private static KeycloakServer keycloak;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;

  @BeforeAll
  static void startKeycloak() throws Exception {
    keycloak = KeycloakServer.start("kcacme", "kcglobex");
    LOG.info(() -> "Keycloak started in " + keycloak.startup.toMillis() + " ms");
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void aLearnerSignsInThroughTheTenantsRealmAndIsNotSignedInToTheOtherTenant() {
    browser.open(base + "t/kcacme/login.xhtml");
    browser.driver().findElement(By.id("sso-start")).click();
    signInAtKeycloak("kcacme", "ada", "ada-password-1");
    waitFor(ExpectedConditions.urlContains("/t/kcacme/learn/index.xhtml"));
    assertEquals("Ada Acme", browser.driver().findElement(By.id("who")).getText());

    browser.open(base + "t/kcglobex/learn/index.xhtml");
    assertEquals("Access refused · Trust Portal", browser.driver().getTitle());
    assertFalse(browser.text().contains("Ada"), "nothing of the other tenant's session shows");
  }

  @Test
  void anAcmeKeycloakUserCannotEnterGlobexByAnyCallback() {
    // globex's own realm does not know ada
    browser.open(base + "t/kcglobex/login.xhtml");
    browser.driver().findElement(By.id("sso-start")).click();
    fillKeycloakForm("kcglobex", "ada", "ada-password-1");
    waitFor(d -> d.getPageSource().contains("Invalid username or password"));
    assertTrue(browser.driver().getCurrentUrl().startsWith("http://localhost:" + KeycloakServer.PORT + "/realms/kcglobex/"));

    // ada signs in at acme's realm, which sends her to globex's callback with globex's own state: refused
    browser.open(base + "t/kcglobex/sso/oidc/start");
    waitFor(ExpectedConditions.urlContains("/realms/kcglobex/"));
    Map<String, String> globexRequest = query(URI.create(browser.driver().getCurrentUrl()));
    browser.open("http://localhost:" + KeycloakServer.PORT + "/realms/kcacme/protocol/openid-connect/auth?"
        + "response_type=code&scope=openid%20email%20profile&client_id=trust-portal"
        + "&redirect_uri=" + encode(globexRequest.get("redirect_uri")) + "&state=" + encode(globexRequest.get("state"))
        + "&nonce=" + encode(globexRequest.get("nonce")) + "&code_challenge=" + encode(globexRequest.get("code_challenge"))
        + "&code_challenge_method=S256");
    signInAtKeycloak("kcacme", "ada", "ada-password-1");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sso-refused")));
    assertTrue(browser.driver().getCurrentUrl().contains("/t/kcglobex/sso/oidc/callback"), browser.driver().getCurrentUrl());

    browser.open(base + "t/kcglobex/learn/index.xhtml");
    waitFor(ExpectedConditions.urlContains("/t/kcglobex/login.xhtml"));
    assertTrue(browser.driver().findElements(By.id("who")).isEmpty(), "not signed in to globex");
  }

  private void signInAtKeycloak(String realm, String user, String password) {
    fillKeycloakForm(realm, user, password);
    waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("localhost:" + KeycloakServer.PORT)));
  }

  private void fillKeycloakForm(String realm, String user, String password) {
    waitFor(ExpectedConditions.urlContains("localhost:" + KeycloakServer.PORT + "/realms/" + realm + "/"));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.driver().findElement(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.id("kc-login")).click();
  }

  private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(condition);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
