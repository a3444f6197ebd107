package com.trustportal.enrolment;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Accessibility;
import com.trustportal.web.Browser;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's single-learner form and the team enrolment on the learner list, in headless Chromium:
 * add a learner (the invitation link is shown once), issue a new link, refuse a duplicate naming the
 * field, and enrol the learner's team in the course with a due date.
 */
@ExtendWith(ArquillianExtension.class)
class LearnerAdminBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void adminAddsALearnerIssuesANewLinkAndEnrolsTheTeamWithADueDate() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "form-" + run + "@enrol.example";
    String team = "Form " + run;
    String enrol = base + "t/enrol/";
    WebDriver driver = browser.driver();
    browser.signIn(enrol, "admin@enrol.example", "demo-password");

    browser.open(enrol + "admin/learner.xhtml");
    driver.findElement(By.id("learner:email")).sendKeys(email);
    driver.findElement(By.id("learner:name")).sendKeys("Fern Form");
    driver.findElement(By.id("learner:team")).sendKeys(team);
    new Select(driver.findElement(By.id("learner:manager"))).selectByValue("manager@enrol.example");
    driver.findElement(By.id("learner:save")).click();
    String link = wait(driver).until(d -> d.findElement(By.id("invitation-link")).getAttribute("value"));
    assertTrue(link.contains("/t/enrol/invite.xhtml?token="), link);
    assertTrue(driver.findElement(By.id("learner:messages")).getText().contains("Fern Form is added and invited"));
    Accessibility.assertNoSeriousViolations(driver);
    browser.screenshot("learner-added");

    driver.findElement(By.id("learner:reissue")).click();
    String fresh = wait(driver).until(d -> {
      String value = d.findElement(By.id("invitation-link")).getAttribute("value");
      return value.equals(link) ? null : value;
    });
    assertNotEquals(link, fresh);
    assertTrue(driver.findElement(By.id("learner:messages")).getText().contains("earlier links no longer work"));

    browser.open(enrol + "admin/learner.xhtml");
    driver.findElement(By.id("learner:email")).sendKeys(email.toUpperCase());
    driver.findElement(By.id("learner:name")).sendKeys("Fern Again");
    driver.findElement(By.id("learner:save")).click();
    String refused = wait(driver).until(d -> {
      String text = d.findElement(By.id("learner:messages")).getText();
      return text.isBlank() ? null : text;
    });
    assertTrue(refused.startsWith("email: " + email + " already has an account"), refused);

    browser.open(enrol + "admin/index.xhtml");
    new Select(driver.findElement(By.id("people:enrol-team"))).selectByValue(team);
    driver.findElement(By.id("people:enrol-due_input")).sendKeys("2027-03-31", Keys.ESCAPE);
    // the date picker's calendar may still cover the button
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", driver.findElement(By.id("people:enrol-submit")));
    String done = wait(driver).until(d -> {
      String text = d.findElement(By.id("people:enrol-result")).getText();
      return text.isBlank() ? null : text;
    });
    assertTrue(done.startsWith("1 active member(s) of team " + team + " enrolled in Collaborative Selling")
        && done.endsWith(", due 2027-03-31."), done);
    Accessibility.assertNoSeriousViolations(driver);
    browser.screenshot("team-enrolled");
  }

  private static WebDriverWait wait(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }
}
