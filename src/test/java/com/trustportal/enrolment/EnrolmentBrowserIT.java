package com.trustportal.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Accessibility;
import com.trustportal.web.Browser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The enrolment as an admin and a new rep meet it, in headless Chromium: a CSV with one bad row is
 * refused with the row and column, the fixed file imports, the new learner opens the invitation link,
 * sets a password and signs in, and the manager sees the new learner in the team. The invitations also
 * arrive by e-mail at a real SMTP server (GreenMail) started by this test.
 */
@ExtendWith(ArquillianExtension.class)
class EnrolmentBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;
  @TempDir Path files;

  private Browser browser;
  private String enrol;
  private GreenMail smtp;

  @BeforeEach
  void open() throws Exception {
    // the portal under test sends to PORTAL_SMTP_HOST/PORT = this server (see the failsafe configuration)
    smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtpPort", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    browser = new Browser();
    enrol = base.toString() + "t/enrol/";
  }

  @AfterEach
  void close() {
    browser.close();
    smtp.stop();
  }

  @Test
  void adminFixesABadRowImportsAndTheInvitedLearnerSignsInAndShowsInTheTeam() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "gia-" + run + "@enrol.example";
    String header = "email,first name,last name,team,manager email\n";
    Path bad = files.resolve("team-bad.csv");
    Files.writeString(bad, header + email + ",Gia,Rossi,West,manager@enrol.example\n"
        + "hal-" + run + "-at-enrol.example,Hal,Berg,West,manager@enrol.example\n", StandardCharsets.UTF_8);
    Path fixed = files.resolve("team.csv");
    Files.writeString(fixed, header + email + ",Gia,Rossi,West,manager@enrol.example\n"
        + "hal-" + run + "@enrol.example,Hal,Berg,West,manager@enrol.example\n", StandardCharsets.UTF_8);

    browser.signIn(enrol, "admin@enrol.example", "demo-password");
    browser.open(enrol + "admin/import.xhtml");
    upload(bad);
    String problems = browser.driver().findElement(By.id("problems")).getText();
    assertTrue(problems.contains("row 3, column 1 (email)") && problems.contains("not an e-mail address"), problems);
    assertFalse(browser.driver().findElement(By.id("confirm:import")).isEnabled(), "a file with problems cannot be imported");
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("import-preview-problem");

    upload(fixed);
    assertTrue(browser.driver().findElements(By.id("problems")).isEmpty());
    assertTrue(browser.driver().findElement(By.id("summary")).getText().contains("2 to create"));
    WebElement importButton = browser.driver().findElement(By.id("confirm:import"));
    importButton.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(com.trustportal.web.Browser.replaced(importButton));
    // the page is being replaced: Chrome may answer "node does not belong to the document" until it is done
    String messages = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> d.findElement(By.id("upload:messages")).getText());
    assertTrue(messages.contains("2 learner(s) created"), messages);
    String link = browser.driver().findElement(By.cssSelector("input[aria-label='Invitation link for " + email + "']"))
        .getAttribute("value");
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("import-done");

    browser.open(enrol + "admin/dashboard.xhtml");
    assertTrue(browser.driver().findElement(By.id("seats")).getText().contains("of 40"),
        browser.driver().findElement(By.id("seats")).getText());
    int shown = browser.driver().findElements(By.cssSelector("[id='learners:rows'] tbody tr")).size();
    assertTrue(shown >= 1 && shown <= 25, "one page of the lazy table: " + shown);
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("admin-dashboard");

    // the same link reached the learner by e-mail, through a real SMTP exchange
    assertTrue(smtp.waitForIncomingEmail(30_000, 2), "two invitation e-mails");
    MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(email)).findFirst().orElseThrow();
    assertEquals("training@enrol.example", GreenMailUtil.getAddressList(mail.getFrom()));
    assertTrue(mail.getSubject().contains("Enrol Testing Ltd"), mail.getSubject());
    String body = GreenMailUtil.getBody(mail);
    String token = link.substring(link.indexOf("token=") + "token=".length());
    assertTrue(body.contains("/t/enrol/invite.xhtml?token=" + token), body);
    assertTrue(body.contains("Hello Gia Rossi"), body);

    browser.driver().manage().deleteAllCookies();
    URI invitation = URI.create(link);
    browser.open(base + invitation.getPath().substring(base.getPath().length()) + "?" + invitation.getQuery());
    assertEquals(email, browser.driver().findElement(By.id("invited-email")).getText());
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.driver().findElement(By.id("password")).sendKeys("gia-chose-this-password");
    browser.driver().findElement(By.id("repeated")).sendKeys("gia-chose-this-password");
    browser.submitAndRead(By.id("accept"), By.id("invited"));
    assertEquals(email, browser.driver().findElement(By.id("email")).getAttribute("value"));
    browser.driver().findElement(By.id("password")).sendKeys("gia-chose-this-password");
    browser.driver().findElement(By.id("submit")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/learn/"));
    assertTrue(browser.text().contains("Gia Rossi"), browser.text());

    browser.open(base + invitation.getPath().substring(base.getPath().length()) + "?" + invitation.getQuery());
    assertTrue(browser.driver().findElement(By.id("invalid")).getText().contains("not valid any more"));

    browser.driver().manage().deleteAllCookies();
    browser.signIn(enrol, "manager@enrol.example", "demo-password");
    browser.open(enrol + "manage/index.xhtml");
    String team = browser.driver().findElement(By.id("team")).getText();
    assertTrue(team.contains("Gia Rossi") && team.contains("Hal Berg"), team);
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("my-team");
  }

  private static String recipients(MimeMessage message) {
    try {
      return GreenMailUtil.getAddressList(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void upload(Path csv) {
    browser.driver().findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
    browser.submitAndRead(By.id("upload:preview"), By.id("preview-section"));
  }
}
