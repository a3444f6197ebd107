package com.trustportal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium for browser tests; downloads nothing (chromedriver from /usr/bin). */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final Path profile;

  public Browser() throws IOException {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    // the console log, kept across page loads: Chromium reports every Content-Security-Policy violation there
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public void signIn(String base, String email, String password) {
    open(base + "login.xhtml");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("login.xhtml")));
  }

  /** Clicks a non-AJAX submit button, waits for the next page, and returns the text of {@code result}. */
  public String submitAndRead(By button, By result) {
    // the current page may itself still be settling after the previous navigation ("node does not belong to the
    // document"): find and click again until the click is dispatched
    var old = new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> {
          var element = d.findElement(button);
          element.click();
          return element;
        });
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(replaced(old));
    // after a redirect the browser may still be swapping documents: Chrome then answers "node does not
    // belong to the document"; wait until the next page holds the element instead of reading mid-swap
    return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> d.findElement(result).getText());
  }

  /** Saves what the browser shows to target/screenshots/{name}.png (the README's screenshots come from here). */
  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Every cookie this browser holds for the page it shows, as a {@code Cookie} header, read now: what the browser
   * itself would send (the session id as it is after any change, and Payara's {@code JSESSIONIDVERSION}).
   */
  public String cookieHeader() {
    return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public String sessionId() {
    var cookie = driver.manage().getCookieNamed("JSESSIONID");
    return cookie == null ? null : cookie.getValue();
  }

  /** Content-Security-Policy violations Chromium reported since the last call, on any page this browser showed. */
  public java.util.List<String> cspViolations() {
    java.util.List<String> found = new java.util.ArrayList<>();
    for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Content-Security-Policy")) {
        found.add(entry.getMessage());
      }
    }
    violations.addAll(found);
    return found;
  }

  private final java.util.List<String> violations = new java.util.ArrayList<>();

  /** For a test that provokes a violation on purpose: what was reported so far no longer fails {@link #close}. */
  public void forgetViolations() {
    cspViolations();
    violations.clear();
  }

  /**
   * Quits the browser, and fails the test that used it when any page it showed broke the portal's
   * Content-Security-Policy: every browser test is also a check that the pages satisfy their policy.
   */
  @Override
  public void close() {
    try {
      cspViolations();
    } finally {
      driver.quit();
    }
    if (!violations.isEmpty()) {
      throw new AssertionError("Content-Security-Policy violations: " + violations);
    }
  }

  /**
   * Like {@link ExpectedConditions#stalenessOf}, for an element whose page is being replaced: while Chrome swaps
   * documents it answers "node does not belong to the document" instead of "stale element", which also means the
   * element's page is gone.
   */
  public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> replaced(org.openqa.selenium.WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }
}
