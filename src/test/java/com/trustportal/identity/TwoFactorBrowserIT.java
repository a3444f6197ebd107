package com.trustportal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.identity.control.Totp;
import com.trustportal.web.Browser;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two-factor sign-in in a real headless Chromium, in the IT tenant {@code twofactor} (admins and managers must use
 * it): the test reads the secret from the page and computes codes as an authenticator app would. The browser also
 * fails the test on any Content-Security-Policy violation of the new pages.
 */
@ExtendWith(ArquillianExtension.class)
class TwoFactorBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;
  private String tenant;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
    tenant = base + "t/twofactor/";
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void aLearnerTurnsItOnAndThenSignsInWithACodeFromTheApp() {
    browser.signIn(tenant, "bea@twofactor.example", "demo-password");
    browser.open(tenant + "learn/two-factor.xhtml");
    browser.submitAndRead(By.id("begin"), By.id("secret"));
    String secret = browser.driver().findElement(By.id("secret")).getText();
    long step = new Totp(Clock.systemUTC()).step();
    browser.driver().findElement(By.id("code")).sendKeys(Totp.code(Totp.decode(secret), step, 6));
    String codes = browser.submitAndRead(By.id("confirm"), By.id("recovery-codes"));
    assertEquals(10, codes.lines().count(), codes);
    assertEquals("10", browser.driver().findElement(By.id("codes-left")).getText());

    browser.submitAndRead(By.id("signOut:signOutButton"), By.id("signed-out"));
    browser.signIn(tenant, "bea@twofactor.example", "demo-password");
    assertTrue(browser.driver().getCurrentUrl().contains("/t/twofactor/two-factor.xhtml"), browser.driver().getCurrentUrl());
    browser.driver().findElement(By.id("code")).sendKeys(Totp.code(Totp.decode(secret), step + 1, 6));
    browser.driver().findElement(By.id("verify")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/learn/index.xhtml"));
    assertEquals("Bea Browser", browser.driver().findElement(By.id("learner-name")).getText());
  }

  @Test
  void anAdminIsSentFromThePasswordToTheRequiredSetUpAndThenToAdministration() {
    browser.signIn(tenant, "admin@twofactor.example", "demo-password");
    assertTrue(browser.driver().getCurrentUrl().contains("/t/twofactor/two-factor.xhtml"), browser.driver().getCurrentUrl());
    String secret = browser.driver().findElement(By.id("secret")).getText();
    assertTrue(browser.driver().findElement(By.id("otpauth")).getText().startsWith("otpauth://totp/"));
    browser.driver().findElement(By.id("code")).sendKeys(new Totp(Clock.systemUTC()).now(secret));
    String codes = browser.submitAndRead(By.id("verify"), By.id("recovery-codes"));
    assertEquals(10, codes.lines().count(), codes);
    browser.driver().findElement(By.id("continue")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/index.xhtml"));
    assertTrue(browser.driver().getTitle().contains("Administration") || browser.text().contains("Ava Admin"),
        browser.driver().getTitle());
  }
}
