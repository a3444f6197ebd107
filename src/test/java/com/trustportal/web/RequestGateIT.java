package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import jakarta.servlet.annotation.WebServlet;
import java.io.File;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request gate attacked from outside, over HTTP: every page, file and servlet of the shipped WAR (read
 * from the WAR itself, so a new page is covered without editing this test) × six callers (anonymous, learner,
 * manager, admin, another tenant's admin, the platform operator) × odd spellings of the path ({@code ./},
 * {@code //}, {@code ..}, {@code ;x=1}, {@code ;jsessionid}, encoded dots and slashes, letter case, trailing
 * slash) × both tenant routes ({@code /t/acme/} and the tenant's host name), plus the platform route and the
 * application's private files. The expectations come from this test's own table of areas, not from the
 * portal's rules; the test lists every cell that differs.
 */
@ExtendWith(ArquillianExtension.class)
class RequestGateIT {

  private static final String SAMPLE_CODE = "0000-0000-0000-0000-0000-0000-0000";
  private static final String[] NAMES = {"anonymous", "learner", "manager", "admin", "globex admin", "operator"};
  private static final int ANONYMOUS = 0;
  private static final int GLOBEX_ADMIN = 4;
  private static final int OPERATOR = 5;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private List<HttpClient> callers;
  private final List<String> wrong = new ArrayList<>();

  /** Where a path lives and who may see it: the first segment decides, as the product documents it. */
  enum Area {
    PUBLIC(-1), LEARN(1), MANAGE(2), ADMIN(3), PLATFORM(OPERATOR),
    /** SCIM provisioning: a bearer token of the tenant opens it, no session of anyone (401 for every caller here). */
    SCIM(Integer.MAX_VALUE);

    /** The weakest caller index (1 learner, 2 manager, 3 admin) allowed, or the operator; -1: everyone. */
    final int needs;

    Area(int needs) {
      this.needs = needs;
    }

    static Area of(String path) {
      String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
      return switch (first) {
        case "admin" -> ADMIN;
        case "manage" -> MANAGE;
        case "learn" -> LEARN;
        case "platform" -> PLATFORM;
        case "scim" -> SCIM;
        case "index.xhtml", "login.xhtml", "invite.xhtml", "forgot.xhtml", "reset.xhtml", "two-factor.xhtml", "errors", "resources", "verify",
            "issuers", "brand" -> PUBLIC;
        // single sign-on start and callback: public in every tenant (acme, the tenant of this test, has no provider,
        // so they answer 404 to its callers, which expectServed accepts for a servlet's sample path)
        case "sso" -> PUBLIC;
        default -> throw new AssertionError("'" + path + "' is in an area this test does not know: add it to Area.of");
      };
    }

    boolean allows(int caller) {
      if (this == PUBLIC) {
        return true;
      }
      if (this == PLATFORM) {
        return caller == OPERATOR;
      }
      if (this == SCIM) {
        return false;
      }
      return caller >= needs && caller <= 3;
    }
  }

  /** One thing the WAR serves; {@code sample}: a servlet path filled in with a made-up id (may answer 404). */
  record Target(String path, boolean sample) {}

  @BeforeEach
  void signIn() throws Exception {
    String acme = base + "t/acme/";
    callers = List.of(
        PortalHttp.client(),
        PortalHttp.signedIn(acme, "learner@acme.example"),
        PortalHttp.signedIn(acme, "manager@acme.example"),
        PortalHttp.signedIn(acme, "admin@acme.example"),
        PortalHttp.signedIn(base + "t/globex/", "admin@globex.example"),
        PortalHttp.signedIn(base.toString(), "operator@portal.example", "it-operator-password"));
  }

  @Test
  void everyPathSpellingOnBothTenantRoutesAnswersEachCallerAsTheAreaSays() throws Exception {
    List<Target> targets = targets();
    assertTrue(targets.size() > 20, "the WAR lists too few pages: " + targets);
    for (boolean viaHost : new boolean[] {false, true}) {
      String prefix = viaHost ? "/" : "/t/acme/";
      String route = viaHost ? "host acme.example.com" : "/t/acme/";
      for (Target target : targets) {
        Area area = Area.of(target.path());
        for (int caller = 0; caller < callers.size(); caller++) {
          // the plain spelling
          HttpResponse<String> plain = send(caller, prefix + target.path(), viaHost);
          String cell = route + " " + target.path() + " as " + NAMES[caller];
          if (area == Area.SCIM) {
            expect(cell, plain, Set.of(401));
          } else if (caller == GLOBEX_ADMIN || caller == OPERATOR) {
            expect(cell, plain, Set.of(403));
          } else if (area == Area.PLATFORM) {
            expect(cell, plain, Set.of(404));
          } else if (!area.allows(caller)) {
            if (caller == ANONYMOUS) {
              expectSignIn(cell, plain, "/t/acme/login.xhtml", viaHost);
            } else {
              expect(cell, plain, Set.of(403));
            }
          } else {
            expectServed(cell, plain, target.sample());
          }
          boolean plainAllowed = caller != GLOBEX_ADMIN && caller != OPERATOR && area != Area.PLATFORM && area.allows(caller);
          // spellings the gate refuses outright, whoever asks
          for (String odd : oddSpellings(prefix, target.path())) {
            expect(route + " " + odd + " as " + NAMES[caller], send(caller, odd, viaHost), refusalOf(odd));
          }
          List<String> others = new ArrayList<>(List.of(prefix + target.path().toUpperCase(Locale.ROOT), prefix + target.path() + "/"));
          String urlSession = prefix + target.path() + ";jsessionid=0123456789abcdef";
          if (caller == ANONYMOUS) {
            // a session id in the URL and no cookie (a fresh client: the anonymous one holds an anonymous session): refused
            expect(route + " " + urlSession + " as a caller without cookies",
                rawGet(PortalHttp.client(), urlSession, viaHost ? "acme.example.com" : null), Set.of(400));
          } else {
            // with a session cookie the container takes the cookie's id and drops the URL's: never more than plain
            others.add(urlSession);
          }
          // spellings that name another (missing) file: never more than the plain spelling gives
          for (String other : others) {
            HttpResponse<String> answer = send(caller, other, viaHost);
            String otherCell = route + " " + other + " as " + NAMES[caller];
            if (answer.statusCode() == 400 || answer.statusCode() == 401 || answer.statusCode() == 403
                || answer.statusCode() == 404) {
              continue;
            }
            if (caller == ANONYMOUS && answer.statusCode() == 302 && location(answer).contains("login.xhtml")) {
              continue;
            }
            if (!plainAllowed || answer.statusCode() >= 500) {
              wrong.add(otherCell + ": " + answer.statusCode() + ", expected a refusal");
            }
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void thePlatformRouteServesTheOperatorOnlyAndNoTenantPage() throws Exception {
    for (Target target : targets()) {
      Area area = Area.of(target.path());
      boolean tenantOnly = target.path().endsWith(".xhtml") || target.path().startsWith("brand/")
          || target.path().startsWith("sso/") || (area != Area.PUBLIC && area != Area.PLATFORM);
      boolean platformPage = area == Area.PLATFORM || target.path().equals("index.xhtml") || target.path().equals("login.xhtml");
      for (int caller = 0; caller < callers.size(); caller++) {
        HttpResponse<String> answer = send(caller, "/" + target.path(), false);
        String cell = "platform route /" + target.path() + " as " + NAMES[caller];
        if (area == Area.PLATFORM) {
          if (caller == OPERATOR) {
            expectServed(cell, answer, false);
            assertTrue(answer.body().contains("acme"), "the operator sees the tenants");
          } else if (caller == ANONYMOUS) {
            expectSignIn(cell, answer, "/login.xhtml", false);
          } else {
            expect(cell, answer, Set.of(403));
          }
        } else if (platformPage) {
          expectServed(cell, answer, false);
        } else if (tenantOnly) {
          expect(cell, answer, Set.of(404));
        } else {
          expectServed(cell, answer, target.sample());
        }
        for (String odd : oddSpellings("/", target.path())) {
          expect("platform route " + odd + " as " + NAMES[caller], send(caller, odd, false), refusalOf(odd));
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theApplicationsOwnFilesAreNeverServedOnAnyRoute() throws Exception {
    List<String> privateFiles = new ArrayList<>(List.of("WEB-INF/web.xml", "WEB-INF/glassfish-web.xml",
        "WEB-INF/classes/META-INF/persistence.xml", "WEB-INF/classes/META-INF/microprofile-config.properties",
        "WEB-INF/classes/com/trustportal/platform/Startup.class", "META-INF/MANIFEST.MF", "web-inf/web.xml",
        "Web-Inf/web.xml", "meta-inf/MANIFEST.MF", "WEB-INF/", "WEB-INF"));
    try (ZipFile war = new ZipFile(new File("target/ROOT.war"))) {
      war.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/")).limit(3).forEach(privateFiles::add);
    }
    for (String prefix : List.of("/t/acme/", "/")) {
      for (boolean viaHost : new boolean[] {false, true}) {
        if (viaHost && !prefix.equals("/")) {
          continue;
        }
        for (String file : privateFiles) {
          for (int caller = 0; caller < callers.size(); caller++) {
            HttpResponse<String> answer = send(caller, prefix + file, viaHost);
            String cell = (viaHost ? "host " : "") + prefix + file + " as " + NAMES[caller];
            // 301: the container's redirect of a folder name to the folder ("WEB-INF" to "WEB-INF/"), which is then refused
            if (answer.statusCode() != 404 && answer.statusCode() != 400 && answer.statusCode() != 403
                && !(answer.statusCode() == 301 && file.equals("WEB-INF"))) {
              wrong.add(cell + ": " + answer.statusCode() + ", expected 404");
            }
            assertFalse(answer.body().contains("<web-app") || answer.body().contains("persistence-unit"), cell + " leaked a descriptor");
            // odd spellings: refused by the gate (400), or by the container before any filter runs (404)
            expect(cell + " (dot spelling)", send(caller, prefix + "./" + file, viaHost),
                file.equals("WEB-INF") ? Set.of(301, 400, 404) : Set.of(400, 404));
            expect(cell + " (encoded slash)", send(caller, prefix + file.replace("/", "%2F"), viaHost),
                file.contains("/") ? Set.of(400, 404) : Set.of(301, 400, 403, 404));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theFindingsOfTheOutsideAttackAreRefused() throws Exception {
    HttpClient anonymous = callers.get(ANONYMOUS);
    HttpClient learner = callers.get(1);
    // each of these answered 200 before the gate decided on normalised paths
    for (String url : List.of("/t/acme/WEB-INF/web.xml", "/./platform/", "/t/acme/./platform/index.xhtml",
        "/t/acme//admin/import.xhtml", "/api/../t/acme/admin/index.xhtml", "/health/../platform/index.xhtml",
        "/static/../platform/index.xhtml", "/t/acme/learn/../admin/import-progress")) {
      for (HttpClient caller : List.of(anonymous, learner)) {
        int status = rawGet(caller, url, null).statusCode();
        assertTrue(status == 400 || status == 404, url + " answered " + status);
      }
    }
  }

  @Test
  void metricsAreNotServedOnThePublicPort() throws Exception {
    // Payara's /metrics lives at the server's root, outside the portal's context
    for (String path : List.of("/metrics", "/metrics/base", "/metrics/application")) {
      HttpResponse<String> answer = callers.get(ANONYMOUS).send(HttpRequest.newBuilder(URI.create(
          base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(answer.statusCode() == 403 || answer.statusCode() == 404, path + " answered " + answer.statusCode());
      assertFalse(answer.body().contains("# TYPE") || answer.body().contains("jvm"), path + " shows metrics");
    }
  }

  @Test
  void aSessionIdInTheUrlIsRefusedAndNeverSignsAnyoneIn() throws Exception {
    HttpClient learner = PortalHttp.signedIn(base + "t/acme/", "learner@acme.example");
    assertEquals(200, rawGet(learner, "/t/acme/learn/index.xhtml", null).statusCode());
    String id = ((java.net.CookieManager) learner.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpClient stranger = PortalHttp.client();
    for (String url : List.of("/t/acme/learn/index.xhtml;jsessionid=" + id, "/t/acme/learn/;jsessionid=" + id,
        "/t/acme/learn/index.xhtml;JSESSIONID=" + id)) {
      HttpResponse<String> answer = rawGet(stranger, url, null);
      assertEquals(400, answer.statusCode(), url);
      assertFalse(answer.body().contains("learner@acme.example"), url);
    }
    // and the portal never writes session ids into its links
    String page = rawGet(learner, "/t/acme/learn/index.xhtml", null).body();
    assertFalse(page.toLowerCase(Locale.ROOT).contains(";jsessionid"), "a link carries the session id");
  }

  @Test
  void signedInPagesAreNeverStoredAndEveryPageCarriesAContentSecurityPolicy() throws Exception {
    HttpClient admin = callers.get(3);
    for (String url : List.of("/t/acme/admin/index.xhtml", "/t/acme/learn/index.xhtml", "/t/acme/login.xhtml")) {
      HttpResponse<String> answer = rawGet(admin, url, null);
      assertEquals(200, answer.statusCode(), url);
      assertTrue(answer.headers().firstValue("Cache-Control").orElse("").contains("no-store"), url + " may be stored");
      String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self' 'nonce-") && csp.contains("frame-ancestors 'none'")
          && csp.contains("object-src 'none'"), url + ": " + csp);
    }
    for (String url : List.of("/t/acme/resources/portal/portal.css", "/errors/404.html", "/t/acme/brand/logo")) {
      String csp = rawGet(callers.get(ANONYMOUS), url, null).headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src") && !csp.contains("unsafe-eval"), url + ": " + csp);
    }
  }

  @Test
  void everyResourceUrlNamesItsVersionAndIsCachedForAYearOnlyByThatVersion() throws Exception {
    String page = rawGet(callers.get(1), "/t/acme/learn/index.xhtml", null).body();
    java.util.regex.Matcher links = java.util.regex.Pattern.compile("(?:href|src)=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"")
        .matcher(page);
    Set<String> urls = new TreeSet<>();
    while (links.find()) {
      urls.add(links.group(1).replace("&amp;", "&"));
    }
    assertTrue(urls.stream().anyMatch(u -> u.contains("learning.css")), urls.toString());
    assertTrue(urls.stream().anyMatch(u -> u.contains("ln=primefaces")), urls.toString());
    for (String url : urls) {
      assertTrue(url.matches(".*[?&]v=[0-9a-zA-Z._-]+.*"), "no version in " + url);
      for (int caller : new int[] {ANONYMOUS, 1}) {
        HttpResponse<String> answer = absoluteGet(callers.get(caller), url);
        assertEquals(200, answer.statusCode(), url);
        assertEquals("public, max-age=31536000, immutable", answer.headers().firstValue("Cache-Control").orElse(""),
            NAMES[caller] + ": " + url);
      }
    }
    String portalCss = urls.stream().filter(u -> u.contains("portal.css")).findFirst().orElseThrow();
    String stale = portalCss.replaceAll("v=[0-9a-f]+", "v=0000000000");
    HttpResponse<String> old = absoluteGet(callers.get(ANONYMOUS), stale);
    assertEquals(200, old.statusCode(), stale);
    assertFalse(old.headers().firstValue("Cache-Control").orElse("").contains("immutable"),
        "a URL of another version is not pinned for a year: " + old.headers().map());
  }

  // ---------------------------------------------------------------------------------------------------

  /** Every page, file and servlet the WAR ships, as paths inside a tenant (no leading slash). */
  private static List<Target> targets() throws Exception {
    Set<String> files = new TreeSet<>();
    Set<Target> servlets = new java.util.LinkedHashSet<>();
    try (ZipFile war = new ZipFile(new File("target/ROOT.war"))) {
      Enumeration<? extends ZipEntry> entries = war.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || name.startsWith("META-INF/")) {
          continue;
        }
        if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
          String className = name.substring("WEB-INF/classes/".length(), name.length() - ".class".length()).replace('/', '.');
          WebServlet servlet = Class.forName(className, false, RequestGateIT.class.getClassLoader()).getAnnotation(WebServlet.class);
          if (servlet != null) {
            for (String pattern : concat(servlet.value(), servlet.urlPatterns())) {
              servlets.add(pattern.endsWith("/*")
                  ? new Target(pattern.substring(1, pattern.length() - 1) + sampleFor(pattern), true)
                  : new Target(pattern.substring(1), false));
            }
          }
        } else if (!name.startsWith("WEB-INF/")) {
          files.add(name);
        }
      }
    }
    List<Target> targets = new ArrayList<>();
    files.forEach(f -> targets.add(new Target(f, false)));
    targets.addAll(servlets);
    return targets;
  }

  private static String sampleFor(String pattern) {
    return pattern.contains("certificates") ? SAMPLE_CODE + ".pdf" : SAMPLE_CODE;
  }

  private static List<String> concat(String[] a, String[] b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all;
  }

  private static List<String> oddSpellings(String prefix, String path) {
    List<String> odd = new ArrayList<>(List.of(
        prefix + "./" + path,
        prefix + "/" + path,
        prefix + "learn/../" + path,
        prefix + path + ";x=1",
        prefix + "%2e/" + path,
        prefix + "%2E%2E/" + path,
        prefix + path.replace(".", "%2e")));
    if (path.contains("/")) {
      odd.add(prefix + path.replaceFirst("/", "%2f"));
      odd.add(prefix + path.replaceFirst("/", "%5C"));
      odd.add(prefix + path.replaceFirst("/", "/./"));
    }
    if (!path.contains(".")) {
      odd.remove(prefix + path.replace(".", "%2e"));
      odd.add(prefix + path + "%00");
    }
    return odd;
  }

  /**
   * The refusal an odd spelling gets: 400 from the gate; a leading {@code %2E%2E/} is decoded and resolved by the
   * container before any filter, leaves the application's context and finds nothing there (404).
   */
  private static Set<Integer> refusalOf(String odd) {
    return odd.contains("/%2E%2E/") || odd.startsWith("/%2E%2E/") ? Set.of(400, 404) : Set.of(400);
  }

  private HttpResponse<String> send(int caller, String path, boolean viaHost) throws Exception {
    return rawGet(callers.get(caller), path, viaHost ? "acme.example.com" : null);
  }

  /** GET of a raw path, exactly as written (HttpClient sends the path without normalising it). */
  /** A URL as the page wrote it (with the context root), resolved against the server's origin. */
  private HttpResponse<String> absoluteGet(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(base.toURI().resolve(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> rawGet(HttpClient http, String path, String host) throws Exception {
    // base ends with the context root and '/'; path starts with '/'
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)));
    if (host != null) {
      request.header("Host", host);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void expect(String cell, HttpResponse<String> answer, Set<Integer> statuses) {
    if (!statuses.contains(answer.statusCode())) {
      wrong.add(cell + ": " + answer.statusCode() + ", expected " + statuses);
    }
  }

  private void expectSignIn(String cell, HttpResponse<String> answer, String signInPath, boolean viaHost) {
    String location = location(answer);
    String expected = base.getPath() + (viaHost ? signInPath.replace("/t/acme", "") : signInPath).substring(1);
    if (answer.statusCode() != 302 || !URI.create(location).getPath().equals(expected)) {
      wrong.add(cell + ": " + answer.statusCode() + " " + location + ", expected a redirect to " + expected);
    }
  }

  private void expectServed(String cell, HttpResponse<String> answer, boolean sample) {
    int status = answer.statusCode();
    // 429: the public verification pages' rate limit per client address (all callers here share one address)
    boolean served = status == 200 || (sample && status == 404) || (status == 429 && cell.contains(" verify") )
        || (status == 429 && cell.contains("issuers/"))
        || (status == 302 && !location(answer).contains("login.xhtml"));
    if (!served) {
      wrong.add(cell + ": " + status + " " + location(answer) + ", expected it served");
    }
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }
}
