package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Accessibility;
import com.trustportal.web.Browser;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The player's navigation and feedback in a real headless Chromium, for the learners of the IT tenant {@code player}
 * (src/test/it-tenants/player), one learner per test so each starts from an untouched course. Every page is checked
 * with axe, and the browser fails the test on any Content-Security-Policy violation when it closes.
 */
@ExtendWith(ArquillianExtension.class)
class PlayerBrowserIT {

  private static final String COURSE = "collaborative-selling";
  private static final Pattern PERCENT = Pattern.compile("(\\d+)% of the course");

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
    tenant = base.toString() + "t/player/";
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void nextStepOnALessonCountsItAsReadButOnOtherStepsOnlyNavigates() {
    browser.signIn(tenant, "next@player.example", "demo-password");
    openStep("m1-l1");
    assertEquals(0, percent());
    Accessibility.assertNoSeriousViolations(driver());
    // the heartbeat command is answered without an error (CSP nonce and view state accepted): the page stays
    ((JavascriptExecutor) driver()).executeScript("trustportalHeartbeat();");
    waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
    assertTrue(driver().getCurrentUrl().contains("step=m1-l1"), driver().getCurrentUrl());
    assertEquals(0, percent(), "a heartbeat does not complete a step");

    browser.submitAndRead(By.id("player:next"), By.id("step-title"));
    assertTrue(driver().getCurrentUrl().contains("step=m1-l2"), driver().getCurrentUrl());
    int afterOne = percent();
    assertTrue(afterOne > 0, "the lesson left with 'Next step' must count as read: " + position());

    openStep("m1-check");
    browser.submitAndRead(By.id("next"), By.id("step-title"));
    assertTrue(driver().getCurrentUrl().contains("step=m1-roleplay"), driver().getCurrentUrl());
    assertEquals(afterOne, percent(), "leaving a check unanswered must not count it");
  }

  @Test
  void aLessonIsAStatelessPageWhoseMarkReadHeartbeatAndSignOutStillWork() {
    browser.signIn(tenant, "stateless@player.example", "demo-password");
    openStep("m1-check");
    assertTrue(!"stateless".equals(viewState()), "a check keeps its state on the server");
    openStep("m1-l2");
    assertEquals("stateless", viewState(), "a lesson keeps nothing on the server");
    assertEquals("Current step", state("m1-l2"));
    assertEquals("To do", state("m1-l3"));
    ((JavascriptExecutor) driver()).executeScript("trustportalHeartbeat();");
    waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
    assertTrue(driver().getCurrentUrl().contains("step=m1-l2"), driver().getCurrentUrl());

    browser.submitAndRead(By.id("player:markRead"), By.id("step-title"));
    assertTrue(driver().getCurrentUrl().endsWith("?course=" + COURSE + "&step=m1-l3"), driver().getCurrentUrl());
    assertEquals("Done", state("m1-l2"), "the stateless lesson's 'mark as read' was saved");
    assertEquals("To do", state("m1-l1"));

    openStep("m1-l1");
    browser.submitAndRead(By.id("signOut:signOutButton"), By.id("signed-out"));
    browser.open(tenant + "learn/player.xhtml?course=" + COURSE + "&step=m1-l1");
    assertTrue(driver().getCurrentUrl().contains("login.xhtml"), "signed out from a stateless page: " + driver().getCurrentUrl());
  }

  @Test
  void checkingAnswersShowsTheScoreAndContinueLeadsToTheNextStep() {
    browser.signIn(tenant, "check@player.example", "demo-password");
    openStep("m1-check");
    int questions = driver().findElements(By.cssSelector("fieldset.question")).size();
    List<String> shown = shownChoices();
    openStep("m1-check");
    assertEquals(shown, shownChoices(), "a reload keeps this learner's order of the choices");
    for (int i = 0; i < questions; i++) {
      WebElement choice = driver().findElement(By.id("player:questions:" + i + ":answer:0"));
      ((JavascriptExecutor) driver()).executeScript("arguments[0].click();", choice);
    }
    WebElement check = driver().findElement(By.id("player:checkAnswers"));
    check.click();
    waitFor(com.trustportal.web.Browser.replaced(check));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("score")));

    // the first choice shown is what was stored and scored, whatever its place in the file
    List<WebElement> feedback = driver().findElements(By.cssSelector(".feedback"));
    for (int i = 0; i < questions; i++) {
      String firstShown = driver().findElement(By.cssSelector("label[for='player:questions:" + i + ":answer:0']")).getText();
      assertTrue(feedback.get(i).getText().contains("Your answer: " + firstShown), feedback.get(i).getText());
    }
    int right = driver().findElements(By.cssSelector(".feedback.correct")).size();
    assertEquals(right + " of " + questions + " right", driver().findElement(By.id("score")).getText());
    Accessibility.assertNoSeriousViolations(driver());

    browser.submitAndRead(By.id("continue"), By.id("step-title"));
    assertTrue(driver().getCurrentUrl().contains("step=m1-roleplay"), driver().getCurrentUrl());
  }

  @Test
  void practiceReplyIsSavedThenTheModelAnswerAndTheSelfCheckShowAndSurviveAReload() {
    browser.signIn(tenant, "practice@player.example", "demo-password");
    openStep("m1-practice");
    assertTrue(driver().findElements(By.id("model-answer")).isEmpty(), "the model answer shows only after a reply");
    Accessibility.assertNoSeriousViolations(driver());

    String reply = "Thank you for being straight with me. What do the spreadsheet teams need that the tool doesn't do?";
    driver().findElement(By.id("player:practiceReply")).sendKeys(reply);
    WebElement save = driver().findElement(By.id("player:savePractice"));
    save.click();
    waitFor(com.trustportal.web.Browser.replaced(save));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("model-answer")));
    assertTrue(driver().findElement(By.id("model-answer")).getText().contains("Why it works"),
        driver().findElement(By.id("model-answer")).getText());
    assertEquals(5, driver().findElements(By.cssSelector(".self-check-item")).size());
    Accessibility.assertNoSeriousViolations(driver());

    for (int i = 0; i < 5; i++) {
      // yes for the first four behaviours, no for "no control move"
      WebElement choice = driver().findElement(By.id("player:selfCheck:" + i + ":answer:" + (i < 4 ? 0 : 1)));
      ((JavascriptExecutor) driver()).executeScript("arguments[0].click();", choice);
    }
    save = driver().findElement(By.id("player:savePractice"));
    save.click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("player:messages"),
        "Your reply and self-check are saved."));

    openStep("m1-practice");
    assertEquals(reply, driver().findElement(By.id("player:practiceReply")).getAttribute("value"));
    assertTrue(driver().findElements(By.id("model-answer")).size() == 1, "a saved reply keeps the model answer open");
    for (int i = 0; i < 5; i++) {
      assertEquals(Boolean.TRUE, checked("player:selfCheck:" + i + ":answer:" + (i < 4 ? 0 : 1)), "self-check " + i);
    }
    assertTrue(percent() > 0, "a saved practice reply completes the step: " + position());
  }

  @Test
  void theOutlineShowsEveryStepsStateBesideTheStepOnADesktopAndBehindAButtonOnAPhone() {
    driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    browser.signIn(tenant, "outline@player.example", "demo-password");
    openStep("m1-l1");
    browser.submitAndRead(By.id("player:markRead"), By.id("step-title"));

    WebElement outline = driver().findElement(By.id("outline-body"));
    assertTrue(outline.isDisplayed(), "the outline shows beside the step on a desktop");
    assertTrue(!driver().findElement(By.id("outline-toggle")).isDisplayed(), "no outline button on a desktop");
    assertEquals("Done", state("m1-l1"));
    assertEquals("Current step", state("m1-l2"));
    assertEquals("To do", state("m1-l3"));
    assertEquals("step", link("m1-l2").getAttribute("aria-current"));
    assertTrue(outline.getText().contains("6. What to stop, what to start"), outline.getText());
    Accessibility.assertNoSeriousViolations(driver());

    driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
    openStep("m1-l2");
    WebElement toggle = driver().findElement(By.id("outline-toggle"));
    assertTrue(toggle.isDisplayed(), "the outline button shows on a phone");
    assertTrue(!driver().findElement(By.id("outline-body")).isDisplayed(), "the outline is folded away on a phone");
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    Accessibility.assertNoSeriousViolations(driver());
    // keyboard only: focus the button and press Enter
    ((JavascriptExecutor) driver()).executeScript("arguments[0].focus();", toggle);
    new org.openqa.selenium.interactions.Actions(driver()).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("outline-body")));
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    assertEquals("Done", state("m1-l1"));
    Accessibility.assertNoSeriousViolations(driver());
    browser.screenshot("phone-outline");
  }

  @Test
  void onAPhoneTheTrustMeterStaysInViewAndNoBorderCrossesAQuestion() {
    driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
    browser.signIn(tenant, "phone@player.example", "demo-password");
    openStep("m1-roleplay");
    for (int replies = 0; replies < 3 && !driver().findElements(By.id("player:replies:0:reply")).isEmpty(); replies++) {
      browser.submitAndRead(By.id("player:replies:0:reply"), By.id("trust-value"));
    }
    ((JavascriptExecutor) driver()).executeScript("window.scrollTo(0, document.body.scrollHeight);");
    Number top = (Number) ((JavascriptExecutor) driver()).executeScript(
        "return document.querySelector('.trust').getBoundingClientRect().top;");
    Number scrolled = (Number) ((JavascriptExecutor) driver()).executeScript("return window.scrollY;");
    assertTrue(scrolled.doubleValue() > 0, "the conversation should be longer than the screen");
    assertTrue(top.doubleValue() >= -1 && top.doubleValue() < 812, "the trust meter left the screen: top " + top);
    Accessibility.assertNoSeriousViolations(driver());

    openStep("m1-check");
    for (WebElement box : driver().findElements(By.cssSelector("fieldset.question"))) {
      Number gap = (Number) ((JavascriptExecutor) driver()).executeScript(
          "var f = arguments[0], l = f.querySelector('legend');"
              + "return l.getBoundingClientRect().top - (f.getBoundingClientRect().top + parseFloat(getComputedStyle(f).borderTopWidth));",
          box);
      assertTrue(gap.doubleValue() >= 0, "the box's border crosses the question: " + box.getText());
    }
  }

  private String viewState() {
    return driver().findElement(By.cssSelector("#player input[name='jakarta.faces.ViewState']")).getAttribute("value");
  }

  private WebElement link(String step) {
    return driver().findElement(By.cssSelector("#outline-body a[href$='step=" + step + "']"));
  }

  private String state(String step) {
    return link(step).findElement(By.className("state")).getText();
  }

  private Object checked(String id) {
    return ((JavascriptExecutor) driver()).executeScript("return document.getElementById(arguments[0]).checked;", id);
  }

  /** The labels of the check's choices in the order shown, question after question. */
  private List<String> shownChoices() {
    return driver().findElements(By.cssSelector("fieldset.question label")).stream().map(WebElement::getText).toList();
  }

  private void openStep(String step) {
    browser.open(tenant + "learn/player.xhtml?course=" + COURSE + "&step=" + step);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("step-title")));
  }

  private int percent() {
    Matcher m = PERCENT.matcher(position());
    assertTrue(m.find(), position());
    return Integer.parseInt(m.group(1));
  }

  private String position() {
    return driver().findElement(By.id("position")).getText();
  }

  private <T> void waitFor(java.util.function.Function<WebDriver, T> condition) {
    new WebDriverWait(driver(), Duration.ofSeconds(20)).until(condition);
  }

  private WebDriver driver() {
    return browser.driver();
  }
}
