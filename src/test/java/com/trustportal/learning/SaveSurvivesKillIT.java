package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import com.trustportal.web.PortalHttp;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save the browser was told succeeded survives {@code kill -9} of the server: the shipped
 * {@code target/portal.jar} runs as its own process on the embedded H2 file, a learner marks a
 * lesson read, the server is killed without any shutdown, and the row is in the database file.
 */
class SaveSurvivesKillIT {

  @TempDir Path data;
  private Process portal;

  @AfterEach
  void stop() {
    if (portal != null) {
      portal.destroyForcibly();
    }
  }

  @Test
  void aSavedStepIsInTheDatabaseAfterKillMinusNine() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", new File("target/portal.jar").getAbsolutePath(), "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(data.resolve("portal.log").toFile());
    builder.environment().put("PORTAL_DATA_DIR", data.toString());
    builder.environment().put("PORTAL_TENANTS_DIR", new File("tenants").getAbsolutePath());
    builder.environment().remove("PORTAL_DB_URL");
    builder.environment().remove("PORTAL_DB_USER");
    builder.environment().remove("PORTAL_DB_PASSWORD");
    portal = builder.start();
    String base = "http://localhost:" + port + "/t/acme/";
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    waitUntilUp(http, base + "login.xhtml");

    String login = get(http, base + "login.xhtml");
    HttpResponse<String> signedIn = PortalHttp.post(http, base + "login.xhtml", Map.of("login", "login", "email", "learner@acme.example",
        "password", "demo-password", "submit", "", "jakarta.faces.ViewState", PortalHttp.viewState(login)));
    assertEquals(302, signedIn.statusCode(), signedIn.body());

    String lesson = get(http, base + "learn/player.xhtml?course=collaborative-selling&step=m1-l1");
    HttpResponse<String> saved = PortalHttp.post(http, base + "learn/player.xhtml?course=collaborative-selling&step=m1-l1",
        Map.of("player", "player", "player:markRead", "", "jakarta.faces.ViewState", PortalHttp.viewState(lesson)));
    assertTrue(saved.statusCode() == 302 || saved.statusCode() == 200, "save answered " + saved.statusCode());

    portal.destroyForcibly().waitFor();

    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("portal"), "sa", "");
        ResultSet rows = db.createStatement().executeQuery(
            "select count(*) from step_progress p join account a on a.id = p.account_id where p.tenant_id = 'acme'"
                + " and a.email = 'learner@acme.example' and p.step_id = 'm1-l1' and p.completed_at is not null")) {
      rows.next();
      assertEquals(1, rows.getInt(1), Files.readString(data.resolve("portal.log")).lines().filter(l -> l.contains("SEVERE")).collect(Collectors.joining("\n")));
    }
  }

  private static void waitUntilUp(HttpClient http, String url) throws Exception {
    for (int i = 0; i < 240; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("portal did not start within 120 s");
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
