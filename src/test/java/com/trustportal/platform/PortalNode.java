package com.trustportal.platform;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The shipped {@code target/portal.jar} as its own process, as an operator runs it, with the demo tenants and the
 * given database; and a learner's HTTP client for it (sign-in, player page, a step save).
 */
final class PortalNode implements AutoCloseable {

  static final String COURSE = LearnerClient.COURSE;

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
    // Payara colours its log: "[\u001b[1;94mportal\u001b[0m]"
    return Files.readString(log).replaceAll("\u001b\\[[0-9;]*m", "").lines()
        .filter(l -> l.contains("[portal]") || l.contains("SEVERE") || l.startsWith("  "))
        .limit(60).collect(Collectors.joining("\n"));
  }

  /** A session of acme's demo learner on this node. */
  LearnerClient learner() {
    return new LearnerClient(url(""));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  static String viewState(String html) {
    return LearnerClient.viewState(html);
  }

}
