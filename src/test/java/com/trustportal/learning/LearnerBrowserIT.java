package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Accessibility;
import com.trustportal.web.Browser;
import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo learner of acme in a real headless Chromium: My learning, the player for every kind of step of module 1,
 * and resuming at the first step of module 2 after signing out and in again. This is the only test class that records
 * progress for learner@acme.example, and it only ever completes module 1, so the resume point is the same on every run
 * against the shared demo database.
 */
@ExtendWith(ArquillianExtension.class)
class LearnerBrowserIT {

  private static final String COURSE = "collaborative-selling";
  private static final String COURSE_TITLE = "Collaborative Selling: from 'or' to trust";
  /** The first step of module 2: modules/02-control-playbook/01-why-control-feels-safe.md */
  private static final String MODULE_2_FIRST_STEP = "Why control feels like the safe bet";

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
  void learnerCompletesModuleOneSignsOutAndResumesAtTheFirstStepOfModuleTwo() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    WebElement card = driver().findElement(By.id("course-" + COURSE));
    assertEquals(COURSE_TITLE, card.findElement(By.className("course-title")).getText());
    assertTrue(Integer.parseInt(card.findElement(By.className("percent-value")).getText()) >= 0);
    driver().findElement(By.id("continue-" + COURSE)).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("step-title")));
    assertTrue(driver().getCurrentUrl().contains("/t/acme/learn/player.xhtml"), driver().getCurrentUrl());

    browser.open(acme + "learn/player.xhtml?course=" + COURSE + "&step=m1-l1");
    assertTrue(position().startsWith("Module 1 of "), position());
    completeModuleOne();

    browser.submitAndRead(By.id("signOut:signOutButton"), By.id("signed-out"));
    browser.signIn(acme, "learner@acme.example", "demo-password");
    card = driver().findElement(By.id("course-" + COURSE));
    assertEquals("In progress", card.findElement(By.className("status")).getText());
    assertTrue(Integer.parseInt(card.findElement(By.className("percent-value")).getText()) > 0);
    assertEquals("Continue", driver().findElement(By.id("continue-" + COURSE)).getText().replace(COURSE_TITLE, "").strip());
    String title = browser.submitAndRead(By.id("continue-" + COURSE), By.id("step-title"));
    assertEquals(MODULE_2_FIRST_STEP, title);
    assertTrue(position().startsWith("Module 2 of "), position());
  }

  @Test
  void learnerTakesTheFinalAssessmentSeesScoreAndReviewAndRetakesWithAFreshAttempt() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    browser.open(acme + "learn/assessment.xhtml?course=" + COURSE);
    List<WebElement> questions = driver().findElements(By.cssSelector("fieldset.question"));
    assertEquals(10, questions.size());
    Accessibility.assertNoSeriousViolations(driver());
    // three questions left unanswered: at most 7 of 10, below the pass mark, so the retake link is always offered
    for (WebElement question : questions.subList(3, questions.size())) {
      WebElement first = question.findElement(By.cssSelector("input[type=radio]"));
      ((JavascriptExecutor) driver()).executeScript("arguments[0].click();", first);
    }
    WebElement submit = driver().findElement(By.id("answers:submit"));
    submit.click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("result")));
    String result = driver().findElement(By.id("result")).getText();
    assertTrue(result.matches("Not passed yet: \\d+% \\([0-7] of 10 right\\)"), result);
    assertEquals(5, driver().findElements(By.cssSelector("#by-objective > li")).size(), "one line per objective");
    assertTrue(driver().findElements(By.cssSelector("ol.review > li")).isEmpty(), "the answer key stays hidden");
    browser.screenshot("assessment-result");
    Accessibility.assertNoSeriousViolations(driver());
    int attemptsBefore = driver().findElements(By.cssSelector("[id$='history_data'] tr")).size();

    driver().findElement(By.id("retake")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answers:submit")));
    assertEquals(10, driver().findElements(By.cssSelector("fieldset.question")).size());
    assertEquals(attemptsBefore + 1, driver().findElements(By.cssSelector("[id$='history_data'] tr")).size());
  }

  @Test
  void thePlayerFitsAPhoneSizedScreenWithoutSidewaysScrolling() {
    driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
    browser.signIn(acme, "learner@acme.example", "demo-password");
    for (String page : List.of("learn/index.xhtml", "learn/player.xhtml?course=" + COURSE + "&step=m1-l1",
        "learn/player.xhtml?course=" + COURSE + "&step=m1-check", "learn/player.xhtml?course=" + COURSE + "&step=m1-roleplay",
        "learn/player.xhtml?course=" + COURSE + "&step=m1-practice",
        "learn/player.xhtml?course=" + COURSE + "&step=m1-reflect", "learn/assessment.xhtml?course=" + COURSE)) {
      browser.open(acme + page);
      Number overflow = (Number) ((JavascriptExecutor) driver()).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px at 375 px width");
      // the same WCAG 2.1 AA rules at phone width: the layout changes, so contrast, order and targets may too
      Accessibility.assertNoSeriousViolations(driver());
    }
    browser.screenshot("phone-player");
  }

  @Test
  void learnerPagesHaveNoSeriousAccessibilityViolations() {
    browser.signIn(acme, "learner@acme.example", "demo-password");
    browser.screenshot("my-learning");
    Object logoWidth = ((JavascriptExecutor) driver()).executeScript(
        "return document.querySelector('.brand-logo').naturalWidth");
    assertTrue(((Number) logoWidth).intValue() > 0,
        "tenant logo did not load: " + driver().manage().logs().get("browser").getAll());
    Accessibility.assertNoSeriousViolations(driver());
    for (String step : List.of("m1-l1", "m1-check", "m1-roleplay", "m1-practice", "m1-reflect")) {
      browser.open(acme + "learn/player.xhtml?course=" + COURSE + "&step=" + step);
      browser.screenshot("player-" + step);
      Accessibility.assertNoSeriousViolations(driver());
    }
  }

  /** Walks module 1 step by step through the player's own buttons and links, until its reflection is saved. */
  private void completeModuleOne() {
    for (int steps = 0; steps < 12; steps++) {
      assertTrue(position().startsWith("Module 1 of "), "left module 1 before its reflection: " + position());
      if (present(By.id("player:markRead"))) {
        browser.submitAndRead(By.id("player:markRead"), By.id("step-title"));
      } else if (present(By.id("player:checkAnswers"))) {
        answerTheCheck();
        browser.submitAndRead(By.id("next"), By.id("step-title"));
      } else if (present(By.className("trust"))) {
        playTheRolePlayToAnEnding();
        browser.submitAndRead(By.id("next"), By.id("step-title"));
      } else if (present(By.id("player:savePractice"))) {
        savePracticeReply();
        browser.submitAndRead(By.id("next"), By.id("step-title"));
      } else {
        saveAReflection();
        return;
      }
    }
    throw new AssertionError("module 1 did not end with a reflection");
  }

  private void answerTheCheck() {
    int questions = driver().findElements(By.cssSelector("fieldset.question")).size();
    assertTrue(questions >= 4, "questions: " + questions);
    for (int i = 0; i < questions; i++) {
      // the radio input itself is visually hidden by PrimeFaces; a script click selects it as a label click would
      WebElement choice = driver().findElement(By.id("player:questions:" + i + ":answer:0"));
      ((JavascriptExecutor) driver()).executeScript("arguments[0].click();", choice);
    }
    WebElement check = driver().findElement(By.id("player:checkAnswers"));
    check.click();
    waitFor(com.trustportal.web.Browser.replaced(check));
    assertEquals(questions, driver().findElements(By.cssSelector(".feedback .verdict")).size());
    String feedback = driver().findElement(By.cssSelector(".feedback")).getText();
    assertTrue(feedback.contains("Your answer:"), feedback);
    Accessibility.assertNoSeriousViolations(driver()); // the feedback state
  }

  private void playTheRolePlayToAnEnding() {
    if (present(By.id("player:playAgain"))) {
      browser.submitAndRead(By.id("player:playAgain"), By.id("trust-value"));
    }
    for (int replies = 0; !present(By.id("ending")); replies++) {
      assertTrue(replies < 12, "the role-play did not end");
      int trust = Integer.parseInt(driver().findElement(By.id("trust-value")).getText());
      assertTrue(trust >= 0 && trust <= 100, "trust " + trust);
      browser.submitAndRead(By.id("player:replies:0:reply"), By.id("trust-value"));
      String transcript = driver().findElement(By.id("transcript")).getText();
      assertTrue(transcript.contains("You:") && transcript.contains("(trust "), transcript);
      if (replies == 0) {
        Accessibility.assertNoSeriousViolations(driver()); // mid-conversation: transcript, choices, trust meter
      }
    }
    assertFalse(driver().findElement(By.id("ending-title")).getText().isBlank());
    Accessibility.assertNoSeriousViolations(driver()); // the ending
  }

  private void savePracticeReply() {
    WebElement text = driver().findElement(By.id("player:practiceReply"));
    text.clear();
    text.sendKeys("Thanks for being direct. Before we talk about price, what would make the tool worth keeping?");
    driver().findElement(By.id("player:savePractice")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("model-answer")));
    Accessibility.assertNoSeriousViolations(driver()); // the model answer and self-check
  }

  private void saveAReflection() {
    WebElement text = driver().findElement(By.id("player:reflection"));
    text.clear();
    text.sendKeys("In my current deal the CRM says proposal, but the buyer is still deciding whether to act at all.");
    driver().findElement(By.id("player:saveReflection")).click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("player:messages"), "Your reflection is saved."));
    Accessibility.assertNoSeriousViolations(driver()); // the saved message
  }

  private String position() {
    return driver().findElement(By.id("position")).getText();
  }

  private boolean present(By locator) {
    return !driver().findElements(locator).isEmpty();
  }

  private <T> void waitFor(java.util.function.Function<WebDriver, T> condition) {
    new WebDriverWait(driver(), Duration.ofSeconds(20)).until(condition);
  }

  private WebDriver driver() {
    return browser.driver();
  }
}
