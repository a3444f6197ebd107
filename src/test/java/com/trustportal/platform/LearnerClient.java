package com.trustportal.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser session of a learner of acme, over plain HTTP: sign-in, the player's pages and saves, Faces' view
 * state. The portal is reached at {@code root} (a node, or a load balancer in front of several).
 */
public final class LearnerClient {

  public static final String COURSE = "collaborative-selling";

  private final BrowserCookies cookies = new BrowserCookies();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

  private final String base;
  private final String email;
  private final String password;
  /** PrimeFaces' CSP nonce of the last full page: its script sends it with every AJAX request of that page. */
  private volatile String nonce;

  /** The demo learner {@code learner@acme.example}. */
  public LearnerClient(String root) {
    this(root, "learner@acme.example");
  }

  public LearnerClient(String root, String email) {
    this(root + "/t/acme/", email, "demo-password");
  }

  private LearnerClient(String base, String email, String password) {
    this.base = base;
    this.email = email;
    this.password = password;
  }

  /** Someone of the tenant {@code slug}, e.g. its admin. */
  public static LearnerClient of(String root, String slug, String email, String password) {
    return new LearnerClient(root + "/t/" + slug + "/", email, password);
  }

  /** Someone of the platform (the operator), whose pages are outside every tenant. */
  public static LearnerClient onPlatform(String root, String email, String password) {
    return new LearnerClient(root + "/", email, password);
  }

  public String email() {
    return email;
  }

  /** Signs in (the demo password unless another was given); fails unless the portal answers with the redirect of a sign-in. */
  public LearnerClient signIn() throws Exception {
    String login = get("login.xhtml").body();
    HttpResponse<String> signedIn = post("login.xhtml", Map.of("login", "login", "email", email,
        "password", password, "submit", "", "jakarta.faces.ViewState", viewState(login)), false);
    if (signedIn.statusCode() != 302) {
      throw new AssertionError("sign-in of " + email + " answered " + signedIn.statusCode() + ": " + signedIn.body());
    }
    return this;
  }

  public String player(String step) {
    return "learn/player.xhtml?course=" + COURSE + "&step=" + step;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = NONCE.matcher(page.body());
    if (m.find()) {
      nonce = m.group(1);
    }
    return page;
  }

  /**
   * Posts a form as PrimeFaces' script sends it from the last full page this client opened: with that page's CSP
   * nonce (PrimeFaces refuses a postback of a stateful page without it), and an AJAX post ({@code ajax}) with the
   * {@code Faces-Request} header.
   */
  public HttpResponse<String> post(String path, Map<String, String> form, boolean ajax)
      throws IOException, InterruptedException {
    if (nonce != null && !form.containsKey("primefaces.nonce")) {
      form = new java.util.LinkedHashMap<>(form);
      form.put("primefaces.nonce", nonce);
    }
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a lesson and marks it read (a full-page post, as the player does); returns the save's answer. */
  public HttpResponse<String> markRead(String step) throws IOException, InterruptedException {
    HttpResponse<String> lesson = get(player(step));
    if (lesson.statusCode() != 200) {
      return lesson;
    }
    return post(player(step), Map.of("player", "player", "player:markRead", "",
        "jakarta.faces.ViewState", viewState(lesson.body())), false);
  }

  /** Saves the text of the reflection step from a player page opened earlier (its view state), as the page does. */
  public HttpResponse<String> saveReflection(String step, String view, String text) throws IOException, InterruptedException {
    return post(player(step), Map.of("jakarta.faces.partial.ajax", "true",
        "jakarta.faces.source", "player:saveReflection", "jakarta.faces.partial.execute", "player",
        "jakarta.faces.partial.render", "player", "player:saveReflection", "player:saveReflection", "player", "player",
        "player:reflection", text, "jakarta.faces.ViewState", view), true);
  }

  /** The value of a cookie this session holds, if any. */
  public Optional<String> cookie(String name) {
    return cookies.value(name);
  }

  /** The Faces view state in a full page or in a partial (AJAX) response. */
  public static String viewState(String html) {
    Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      m = Pattern.compile("<update id=\"[^\"]*ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>").matcher(html);
      if (!m.find()) {
        throw new AssertionError("no view state in page: " + html.substring(0, Math.min(500, html.length())));
      }
    }
    return m.group(1);
  }
}
