package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.Browser;
import com.trustportal.web.PortalHttp;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Sessions hold only small, serialisable state. Each kind of user tours every page of the WAR that is theirs (the
 * list is read from the WAR, so a new page is toured without editing this test), the learner in Chromium the player
 * on every kind of step (check answered, a role-play played to an ending) and the final assessment, the admin also a
 * learner's page and an import preview; then every
 * attribute of that session (signed-in user, CDI session beans, Faces' view-scoped beans and server-side view state)
 * is serialised with plain Java serialisation by a test-only servlet ({@link SessionProbe}). Every attribute must
 * serialise, and a whole session must stay under {@link #LIMIT}.
 *
 * <p>Why 64 KiB: a cluster copies each changed session to a backup node, and the benchmark tenant of
 * docs/performance.md has 10,000 learners. Were all of them signed in at once, 64 KiB each is 640 MB of session
 * copies, which a node's heap can hold; a session that grows with the data it shows (a 5 MB CSV upload, a page of
 * entities with their relations) could not be. The measured sizes are printed and listed in docs/operations.md.
 *
 * <p>The learner and the admin open more pages than Faces keeps (8, set in web.xml), so the figure is what their
 * sessions reach, not one tour's. Not bounded, and so not covered by the limit over a long session: Mojarra keeps
 * a small entry per page that had view-scoped beans in {@code activeViewContexts} until the session ends (about
 * 430 bytes per page opened, measured; see docs/operations.md).
 */
@ExtendWith(ArquillianExtension.class)
class SessionSizeIT {

  /** The most one session may hold, serialised. */
  static final int LIMIT = 64 * 1024;

  private static final String COURSE = "collaborative-selling";
  private static final Pattern ATTRIBUTE = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\\s*(\\d+|\"(?:[^\"\\\\]|\\\\.)*\")");
  private static final Pattern TOTAL = Pattern.compile("\"total\":\\s*(-?\\d+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal(SessionProbe.class);
  }

  @ArquillianResource URL base;

  @Test
  void everySessionSerialisesAndStaysSmallAfterATourOfEveryPage() throws Exception {
    String acme = base + "t/acme/";
    List<String> pages = pages();
    assertTrue(pages.size() >= 14, "too few pages in the WAR: " + pages);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();

    HttpClient anonymous = PortalHttp.client();
    tour(anonymous, acme, pages, "", problems);
    measure("anonymous", anonymous, acme, sizes, problems);

    try (Browser learner = new Browser()) {
      learner.signIn(acme, "learner@acme.example", "demo-password");
      learnerTour(learner, acme, pages);
      learner.open(acme + "it-session-size");
      check("learner", learner.driver().findElement(By.tagName("body")).getText(), sizes, problems);
    }

    HttpClient manager = PortalHttp.signedIn(acme, "manager@acme.example");
    tour(manager, acme, pages, "manage/", problems);
    measure("manager", manager, acme, sizes, problems);

    HttpClient admin = PortalHttp.signedIn(acme, "admin@acme.example");
    tour(admin, acme, pages, "admin/", problems);
    Matcher someone = Pattern.compile("learner\\.xhtml\\?id=([0-9a-f-]{36})")
        .matcher(PortalHttp.get(admin, acme + "admin/index.xhtml").body());
    assertTrue(someone.find(), "the admin's list links to a learner's page");
    visit(admin, acme + "admin/learner.xhtml?id=" + someone.group(1), problems);
    previewAnImport(admin, acme);
    // past Faces' limits of pages kept (see the learner's tour), through the admin's heaviest pages
    for (int i = 0; i < 30; i++) {
      visit(admin, acme + List.of("admin/index.xhtml", "admin/dashboard.xhtml", "admin/learner.xhtml?id=" + someone.group(1))
          .get(i % 3), problems);
    }
    previewAnImport(admin, acme);
    measure("admin", admin, acme, sizes, problems);

    HttpClient operator = PortalHttp.signedIn(base.toString(), "operator@portal.example", "it-operator-password");
    tour(operator, base.toString(), pages, "platform/", problems);
    measure("operator", operator, base.toString(), sizes, problems);

    System.out.println("Serialised session sizes after the tour (bytes): " + sizes);
    assertEquals(List.of(), problems);
  }

  /**
   * The learner in Chromium, as a learner uses the pages: every page of their area, the player on each kind of step
   * with the check answered and a role-play played to an ending (every reply is a postback), and the assessment.
   */
  private static void learnerTour(Browser learner, String acme, List<String> pages) {
    for (String page : pages) {
      if (page.startsWith("learn/")) {
        learner.open(acme + page);
      }
    }
    String player = acme + "learn/player.xhtml?course=" + COURSE + "&step=";
    learner.open(player + "m1-l1");
    learner.open(player + "m1-check");
    WebDriver driver = learner.driver();
    int questions = driver.findElements(By.cssSelector("fieldset.question")).size();
    assertTrue(questions > 0, "the knowledge check shows its questions");
    for (int i = 0; i < questions; i++) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].click();",
          driver.findElement(By.id("player:questions:" + i + ":answer:0")));
    }
    learner.submitAndRead(By.id("player:checkAnswers"), By.cssSelector(".feedback"));
    learner.open(player + "m1-roleplay");
    if (!driver.findElements(By.id("player:playAgain")).isEmpty()) {
      learner.submitAndRead(By.id("player:playAgain"), By.id("trust-value"));
    }
    // every reply is a postback that Faces keeps a state of: play to an ending, the most a role-play adds
    for (int replies = 0; driver.findElements(By.id("ending")).isEmpty(); replies++) {
      assertTrue(replies < 12, "the role-play did not end");
      learner.submitAndRead(By.id("player:replies:0:reply"), By.id("transcript"));
      assertTrue(driver.findElement(By.id("transcript")).getText().contains("You:"), "the role-play is under way");
    }
    learner.open(player + "m1-reflect");
    learner.open(acme + "learn/assessment.xhtml?course=" + COURSE);
    assertFalse(driver.findElements(By.cssSelector("fieldset.question")).isEmpty(), "the assessment shows questions");
    // Faces keeps the state of the last 5 pages opened (numberOfLogicalViews in web.xml): open more than that, so
    // the size measured is the most a session of this user reaches, not just the state of one tour
    for (int i = 0; i < 20; i++) {
      learner.open(player + (i % 2 == 0 ? "m1-roleplay" : "m1-check"));
    }
  }

  /** Opens every page of the WAR under {@code area} ("" for the pages outside the role areas). */
  private static void tour(HttpClient http, String at, List<String> pages, String area, List<String> problems)
      throws Exception {
    for (String page : pages) {
      boolean mine = area.isEmpty() ? !page.contains("/") : page.startsWith(area);
      if (mine) {
        HttpResponse<String> answer = PortalHttp.get(http, at + page);
        // a page that needs a parameter may send the visitor on (the player to the step to resume); both are fine
        if (answer.statusCode() != 200 && answer.statusCode() != 302) {
          problems.add(page + " answered " + answer.statusCode());
        }
      }
    }
  }

  private static void visit(HttpClient http, String url, List<String> problems) throws Exception {
    HttpResponse<String> answer = PortalHttp.get(http, url);
    if (answer.statusCode() != 200) {
      problems.add(url + " answered " + answer.statusCode());
    }
  }

  /** The import form as a browser sends it: a multipart post of a small CSV, answered with the preview. */
  private static void previewAnImport(HttpClient http, String acme) throws Exception {
    String form = PortalHttp.get(http, acme + "admin/import.xhtml").body();
    String viewState = PortalHttp.viewState(form);
    Matcher nonce = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(form);
    String csv = "email,first name,last name,team,manager email,due date\n"
        + "tour-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example,Tour,Guest,Tours,,\n";
    String boundary = "----tour" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("upload", "upload");
    fields.put("upload:preview", "");
    fields.put("jakarta.faces.ViewState", viewState);
    if (nonce.find()) {
      fields.put("primefaces.nonce", nonce.group(1));
    }
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"tour.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> preview = http.send(HttpRequest.newBuilder(URI.create(acme + "admin/import.xhtml"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, preview.statusCode(), preview.body());
    assertTrue(preview.body().contains("Preview of tour.csv"), "the import shows its preview: " + preview.body());
    assertTrue(preview.body().contains("1 to create"), "the preview counts the new learner");
  }

  /** Serialises the session in the server and records its size, or why an attribute cannot be serialised. */
  private static void measure(String who, HttpClient http, String at, Map<String, Integer> sizes, List<String> problems)
      throws Exception {
    HttpResponse<String> answer = PortalHttp.get(http, at + "it-session-size");
    assertEquals(200, answer.statusCode(), who + ": " + answer.body());
    check(who, answer.body(), sizes, problems);
  }

  private static void check(String who, String json, Map<String, Integer> sizes, List<String> problems) {
    Matcher attribute = ATTRIBUTE.matcher(json.substring(0, json.lastIndexOf("\"total\"")));
    int attributes = 0;
    while (attribute.find()) {
      attributes++;
      if (attribute.group(2).startsWith("\"")) {
        problems.add(who + ": session attribute " + attribute.group(1) + " is " + attribute.group(2));
      }
    }
    Matcher total = TOTAL.matcher(json);
    assertTrue(total.find(), json);
    int size = Integer.parseInt(total.group(1));
    sizes.put(who, size);
    System.out.println(who + "'s session: " + json);
    if (!who.equals("anonymous") && attributes == 0) {
      problems.add(who + ": the probe saw an empty session (not the tour's session?)");
    }
    if (size < 0 || size > LIMIT) {
      problems.add(who + ": the session serialises to " + size + " bytes, over the limit of " + LIMIT);
    }
  }

  /** Every Faces page the WAR ships, outside WEB-INF. */
  private static List<String> pages() throws Exception {
    try (ZipFile war = new ZipFile(new File("target/ROOT.war"))) {
      return war.stream().map(e -> e.getName()).filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/"))
          .sorted().toList();
    }
  }
}
