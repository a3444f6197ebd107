package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core (bundled with the axe Selenium integration) on the page the browser shows now: WCAG 2.1 AA. */
public final class Accessibility {

  private Accessibility() {}

  /** Fails on any serious or critical WCAG 2.1 A/AA violation, listing rule, impact and elements. */
  public static void assertNoSeriousViolations(WebDriver driver) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    List<Rule> serious = results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .toList();
    assertTrue(serious.isEmpty(), () -> driver.getCurrentUrl() + " has accessibility violations:\n" + serious.stream()
        .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
            + v.getNodes().stream().map(n -> n.getTarget() + " " + n.getHtml()).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n")));
    assertTrue(results.getPasses().size() > 0, "axe did not run on " + driver.getCurrentUrl());
  }
}
