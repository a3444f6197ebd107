package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.platform.web.OutageExceptionHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal survives its database: started before it, restarted under it, its sessions ended by it. Each test runs
 * the shipped {@code portal.jar} against a PostgreSQL server of its own ({@link TestPostgres}) that it stops and
 * starts at will.
 */
class DatabaseOutageIT {

  /** Well-formed, so the API looks it up in the database, but issued to nobody. */
  private static final String UNKNOWN_TOKEN = "tp_acme_" + "0".repeat(64);

  @TempDir Path dir;
  private TestPostgres pg;
  private PortalNode portal;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void database() throws Exception {
    pg = TestPostgres.create();
  }

  @AfterEach
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
      portal.process.waitFor();
    }
    pg.close();
  }

  @Test
  void startsWithoutItsDatabaseAndServesOnceItAnswersWithoutARestart() throws Exception {
    portal = PortalNode.start(dir, pg.jdbcUrl(), Map.of());
    portal.waitFor("/health/live", s -> s == 200, 120);

    HttpResponse<String> ready = get("/health/ready", Map.of());
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"database\":\"unreachable (connection refused)\""), ready.body());
    assertOutagePage(get("/t/acme/login.xhtml", Map.of()));
    assertOutageProblem(get("/api/v1/courses", Map.of("Authorization", "Bearer " + UNKNOWN_TOKEN)));

    pg.start();
    portal.waitFor("/health/ready", s -> s == 200, 90);
    LearnerClient learner = portal.learner().signIn();
    assertEquals(302, learner.markRead("m1-l1").statusCode());
    assertEquals(1, savedSteps("m1-l1"), portal.portalLines());
  }

  @Test
  void aRestartedDatabaseIsServedAgainWithin30SecondsWithoutA500AndSavesWork() throws Exception {
    pg.start();
    portal = PortalNode.start(dir, pg.jdbcUrl(), Map.of());
    portal.waitFor("/health/ready", s -> s == 200, 120);
    LearnerClient learner = portal.learner().signIn();
    HttpResponse<String> reflection = learner.get(learner.player("m1-reflect"));
    assertEquals(200, reflection.statusCode());
    String view = PortalNode.viewState(reflection.body());

    // another learner's session keeps reading pages through the whole outage
    ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    LearnerClient reader = portal.learner().signIn();
    Thread load = new Thread(() -> {
      while (loading.get()) {
        for (String page : List.of(reader.player("m1-l2"), "learn/index.xhtml")) {
          try {
            answers.add(reader.get(page).statusCode());
          } catch (Exception e) {
            answers.add(-1);
          }
        }
      }
    });
    load.start();
    try {
      pg.stop();
      portal.waitFor("/health/ready", s -> s == 503, 30);
      assertTrue(get("/health/ready", Map.of()).body().contains("\"database\":\"unreachable"));
      assertOutagePage(learner.get(learner.player("m1-l3")));
      assertOutageProblem(get("/api/v1/courses", Map.of("Authorization", "Bearer " + UNKNOWN_TOKEN)));
      HttpResponse<String> notSaved = learner.saveReflection("m1-reflect", view, "Saved while the database was down");
      assertEquals(200, notSaved.statusCode(), notSaved.body());
      assertTrue(notSaved.body().contains(OutageExceptionHandler.NOT_SAVED), notSaved.body());

      pg.start();
      portal.waitFor("/health/ready", s -> s == 200, 30);
      HttpResponse<String> saved = learner.saveReflection("m1-reflect", view, "Saved again once it was back");
      assertTrue(saved.body().contains("Your reflection is saved."), saved.body());
      assertEquals(302, learner.markRead("m1-l1").statusCode());
    } finally {
      loading.set(false);
      load.join();
    }
    assertEquals(1, savedSteps("m1-reflect"));
    assertEquals(1, savedSteps("m1-l1"));
    assertTrue(answers.contains(503), "the reader never saw the outage: " + answers);
    assertTrue(answers.stream().allMatch(s -> s == 200 || s == 503), "answers other than 200 and 503: " + answers);
  }

  @Test
  void sessionsEndedByTheDatabaseAreReplacedOnTheNextRequest() throws Exception {
    pg.start();
    portal = PortalNode.start(dir, pg.jdbcUrl(), Map.of());
    portal.waitFor("/health/ready", s -> s == 200, 120);
    LearnerClient learner = portal.learner().signIn();
    assertEquals(302, learner.markRead("m1-l1").statusCode());

    assertTrue(pg.terminatePortalSessions() > 0, "the portal held no pooled connection to end");

    assertEquals(302, learner.markRead("m1-l2").statusCode(), portal.portalLines());
    assertEquals(200, get("/health/ready", Map.of()).statusCode());
    assertEquals(1, savedSteps("m1-l2"));
  }

  private static void assertOutagePage(HttpResponse<String> page) {
    assertEquals(503, page.statusCode(), page.body());
    assertTrue(page.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
    assertTrue(page.body().contains("Temporarily unavailable") && page.body().contains("Your work is saved"), page.body());
  }

  private static void assertOutageProblem(HttpResponse<String> answer) {
    assertEquals(503, answer.statusCode(), answer.body());
    assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
    assertTrue(answer.body().contains("\"status\":503"), answer.body());
    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int savedSteps(String step) throws Exception {
    try (Connection db = pg.connect(); PreparedStatement query = db.prepareStatement(
        "select count(*) from step_progress p join account a on a.id = p.account_id where p.tenant_id = 'acme'"
            + " and a.email = 'learner@acme.example' and p.step_id = ? and p.completed_at is not null")) {
      query.setString(1, step);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
