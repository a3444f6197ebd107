package com.trustportal.platform;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shipped {@code target/portal.jar} as its own process, as an operator runs it, with the demo tenants and the
 * given database; and a learner's HTTP client for it (sign-in, player page, a step save).
 */
final class PortalNode implements AutoCloseable {

  static final String COURSE = "collaborative-selling";

  final int port;
  final Path log;
  final Process process;

  private PortalNode(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static PortalNode start(Path dir, String dbUrl, Map<String, String> env) throws IOException {
    int port = TestPostgres.freePort();
    Path log = dir.resolve("portal.log");
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", new File("target/portal.jar").getAbsolutePath(),
        "--port", String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PORTAL_DATA_DIR", dir.resolve("data").toString());
    builder.environment().put("PORTAL_TENANTS_DIR", new File("tenants").getAbsolutePath());
    builder.environment().remove("PORTAL_DB_PASSWORD");
    if (dbUrl == null) { // the embedded H2 file in the data directory
      builder.environment().remove("PORTAL_DB_URL");
      builder.environment().remove("PORTAL_DB_USER");
    } else {
      builder.environment().put("PORTAL_DB_URL", dbUrl);
      builder.environment().put("PORTAL_DB_USER", "postgres");
    }
    builder.environment().put("PORTAL_REMINDERS", "off");
    builder.environment().put("PORTAL_DRAIN_SECONDS", "0");
    builder.environment().putAll(env);
    return new PortalNode(port, log, builder.start());
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Polls {@code path} until its status satisfies {@code wanted}; returns the seconds it took. */
  double waitFor(String path, Predicate<Integer> wanted, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long began = System.nanoTime();
    int last = -1;
    while (System.nanoTime() - began < seconds * 1_000_000_000L) {
      try {
        last = http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (wanted.test(last)) {
          return (System.nanoTime() - began) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " did not reach the wanted status within " + seconds + " s (last " + last + ")\n"
        + portalLines());
  }

  /** The portal's own log lines (logger "portal") and any SEVERE, for failure messages. */
  String portalLines() throws IOException {
    return Files.readString(log).lines().filter(l -> l.contains("[portal]") || l.contains("SEVERE") || l.startsWith("  "))
        .limit(60).collect(Collectors.joining("\n"));
  }

  Learner learner() {
    return new Learner();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** One browser session of acme's demo learner. */
  final class Learner {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5)).build();
    final String base = url("/t/acme/");

    Learner signIn() throws Exception {
      String login = get("login.xhtml").body();
      HttpResponse<String> signedIn = post("login.xhtml", Map.of("login", "login", "email", "learner@acme.example",
          "password", "demo-password", "submit", "", "jakarta.faces.ViewState", viewState(login)), false);
      if (signedIn.statusCode() != 302) {
        throw new AssertionError("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
      }
      return this;
    }

    String player(String step) {
      return "learn/player.xhtml?course=" + COURSE + "&step=" + step;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) throws Exception {
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
    HttpResponse<String> markRead(String step) throws Exception {
      HttpResponse<String> lesson = get(player(step));
      if (lesson.statusCode() != 200) {
        return lesson;
      }
      return post(player(step), Map.of("player", "player", "player:markRead", "",
          "jakarta.faces.ViewState", viewState(lesson.body())), false);
    }
  }

  static String viewState(String html) {
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
