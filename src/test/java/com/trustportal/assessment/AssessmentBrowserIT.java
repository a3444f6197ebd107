package com.trustportal.assessment;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The final assessment's retake and review policy in real Chromium (it-tenant "retake"): a learner who fails twice in
 * a row is told when the next attempt opens; a result shows how each objective went and links lessons to review, but
 * not the bank's answers; choices come in an order of their own that a reload keeps. Axe and the CSP stay clean.
 */
@ExtendWith(ArquillianExtension.class)
class AssessmentBrowserIT {

  private static final String COURSE = "collaborative-selling";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;
  private String retake;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
    retake = base.toString() + "t/retake/";
  }

  @AfterEach
  void close() {
    assertEquals(List.of(), browser.cspViolations(), "Content-Security-Policy violations");
    browser.close();
  }

  @Test
  void aLearnerWhoFailsTwiceInARowSeesWhenTheNextAttemptOpens() {
    browser.signIn(retake, "twice@retake.example", "demo-password");
    submitWithoutAnswers();
    browser.driver().findElement(By.id("retake")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("answers:submit")));
    submitWithoutAnswers();

    browser.open(retake + "learn/assessment.xhtml?course=" + COURSE);
    String message = browser.driver().findElement(By.id("cooling-off")).getText();
    assertTrue(message.matches("(?s).*next attempt opens on \\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d UTC.*"), message);
    assertTrue(browser.driver().findElements(By.id("answers:submit")).isEmpty(), "no questions while cooling off");
    assertEquals(5, browser.driver().findElements(By.cssSelector("#closed #by-objective > li")).size(),
        "what to review while waiting: the last attempt's objectives");
    assertFalse(browser.driver().findElements(By.cssSelector("#closed a.review-lesson")).isEmpty());
    assertTrue(browser.driver().findElement(By.cssSelector("[id$='history_data'] tr td")).getText()
        .matches("\\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d UTC"), "attempts show a readable time");
    assertEquals(2, browser.driver().findElements(By.cssSelector("[id$='history_data'] tr")).size());
    browser.screenshot("assessment-cooling-off");
    Accessibility.assertNoSeriousViolations(browser.driver());
  }

  @Test
  void theResultShowsObjectivesAndLessonsToReviewButNotTheAnswerKey() {
    browser.signIn(retake, "objectives@retake.example", "demo-password");
    browser.open(retake + "learn/assessment.xhtml?course=" + COURSE);
    List<String> before = choiceTexts();
    browser.open(retake + "learn/assessment.xhtml?course=" + COURSE);
    assertEquals(before, choiceTexts(), "a reload shows the same questions with the choices in the same order");
    Accessibility.assertNoSeriousViolations(browser.driver());

    submitWithoutAnswers();
    List<WebElement> objectives = browser.driver().findElements(By.cssSelector("#by-objective > li"));
    assertEquals(5, objectives.size(), "every objective of the course is reported");
    for (WebElement objective : objectives) {
      assertTrue(objective.getText().matches("(?s)0 of [2-9] right:.*Review:.*"), objective.getText());
    }
    List<WebElement> lessons = browser.driver().findElements(By.cssSelector("a.review-lesson"));
    assertFalse(lessons.isEmpty());
    assertTrue(lessons.get(0).getAttribute("href").contains("learn/player.xhtml?course=" + COURSE + "&step="),
        lessons.get(0).getAttribute("href"));
    assertTrue(browser.driver().findElements(By.cssSelector("ol.review")).isEmpty(), "no answer key");
    assertFalse(browser.text().contains("Right answer"), "no answer key");
    assertTrue(browser.driver().findElement(By.id("no-answer-key")).isDisplayed());
    Accessibility.assertNoSeriousViolations(browser.driver());
  }

  private List<String> choiceTexts() {
    return browser.driver().findElements(By.cssSelector("fieldset.question label")).stream()
        .map(WebElement::getText).toList();
  }

  private void submitWithoutAnswers() {
    browser.open(browser.driver().getCurrentUrl().contains("assessment.xhtml") ? browser.driver().getCurrentUrl()
        : retake + "learn/assessment.xhtml?course=" + COURSE);
    wait(ExpectedConditions.presenceOfElementLocated(By.id("answers:submit")));
    browser.driver().findElement(By.id("answers:submit")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("result")));
    assertTrue(browser.driver().findElement(By.id("result")).getText().startsWith("Not passed yet: 0%"));
  }

  private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(condition);
  }
}
