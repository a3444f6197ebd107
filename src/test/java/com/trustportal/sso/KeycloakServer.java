package com.trustportal.sso;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak ({@code kc.sh start-dev}) on localhost, unpacked by the build into {@code target/keycloak}
 * (property {@code it.keycloakHome}), with the realms of {@code src/test/keycloak} imported. Keycloak 26 needs a
 * newer Java than the build's 17: the newest JDK under /usr/lib/jvm named temurin-2x or java-2x is used, or
 * {@code KEYCLOAK_JAVA_HOME}.
 */
final class KeycloakServer implements AutoCloseable {

  static final int PORT = 18180;

  private final Process process;
  private final Path log;
  final Duration startup;

  private KeycloakServer(Process process, Path log, Duration startup) {
    this.process = process;
    this.log = log;
    this.startup = startup;
  }

  static KeycloakServer start(String... realms) throws Exception {
    Path home = Path.of(System.getProperty("it.keycloakHome", "target/keycloak/keycloak-26.5.6"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(home + "/bin/kc.sh is missing: run the ITs through 'mvn verify'");
    }
    Path imports = Files.createDirectories(home.resolve("data/import"));
    for (String realm : realms) {
      Files.copy(Path.of("src/test/keycloak", realm + "-realm.json"), imports.resolve(realm + "-realm.json"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path log = home.resolve("it-keycloak.log");
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
        "--http-port=" + PORT, "--http-host=127.0.0.1", "--hostname-strict=false", "--cache=local")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome());
    builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m");
    long started = System.nanoTime();
    Process process = builder.start();
    KeycloakServer server = new KeycloakServer(process, log, null);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.currentTimeMillis() + 240_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped while starting:\n" + tail(log));
      }
      if (ready(http, realms)) {
        return new KeycloakServer(process, log, Duration.ofNanos(System.nanoTime() - started));
      }
      Thread.sleep(1000);
    }
    server.close();
    throw new IllegalStateException("Keycloak did not start within 240 s:\n" + tail(log));
  }

  private static boolean ready(HttpClient http, String... realms) {
    try {
      for (String realm : realms) {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + PORT + "/realms/" + realm + "/.well-known/openid-configuration")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
          return false;
        }
      }
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static String javaHome() {
    String given = System.getenv("KEYCLOAK_JAVA_HOME");
    if (given != null && !given.isBlank()) {
      return given;
    }
    File[] jdks = new File("/usr/lib/jvm").listFiles((dir, name) -> name.matches("(temurin|java)-(2[1-9]|[3-9][0-9])\\b.*"));
    if (jdks != null && jdks.length > 0) {
      return Stream.of(jdks).map(File::getPath).sorted().reduce((a, b) -> b).orElseThrow();
    }
    return System.getProperty("java.home");
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops this Keycloak (the script and the Java process it started) and waits for it. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      for (ProcessHandle child : children) {
        child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
