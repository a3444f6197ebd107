package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SIGTERM} under load: readiness goes DOWN at once, every request sent during the drain period is answered,
 * the node then stops by itself, and every save it acknowledged is in the database.
 */
class GracefulStopIT {

  private static final int DRAIN_SECONDS = 6;

  @TempDir Path dir;
  private PortalNode portal;

  /** One request as the learner's browser saw it: when it was sent (ns after SIGTERM, negative before) and its answer. */
  record Outcome(long sentAfterTerm, String step, int status) {}

  @AfterEach
  void stop() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void aStoppingNodeAnswersEveryRequestOfItsDrainAndLosesNoAcknowledgedSave() throws Exception {
    portal = PortalNode.start(dir, null, Map.of("PORTAL_DRAIN_SECONDS", String.valueOf(DRAIN_SECONDS)));
    portal.waitFor("/health/ready", s -> s == 200, 120);
    List<List<String>> stepsPerLearner = List.of(List.of("m1-l1", "m1-l2", "m1-l3", "m1-l4"),
        List.of("m2-l1", "m2-l2", "m2-l3"), List.of("m2-l4", "m2-l5"));
    List<LearnerClient> learners = new ArrayList<>();
    for (int i = 0; i < stepsPerLearner.size(); i++) {
      learners.add(portal.learner().signIn());
    }

    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long[] term = {Long.MAX_VALUE};
    List<Thread> load = new ArrayList<>();
    for (int i = 0; i < learners.size(); i++) {
      LearnerClient learner = learners.get(i);
      List<String> steps = stepsPerLearner.get(i);
      Thread t = new Thread(() -> {
        for (int n = 0; portal.process.isAlive(); n++) {
          String step = steps.get(n % steps.size());
          long sent = System.nanoTime();
          int status;
          try {
            status = learner.markRead(step).statusCode();
          } catch (Exception refusedOrCut) {
            status = -1;
          }
          if (status == 302) {
            acknowledged.add(step);
          }
          outcomes.add(new Outcome(sent - term[0], step, status));
        }
      });
      t.start();
      load.add(t);
    }

    TimeUnit.SECONDS.sleep(3);
    term[0] = System.nanoTime();
    portal.process.destroy(); // SIGTERM
    TimeUnit.MILLISECONDS.sleep(1500);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(portal.url("/health/ready"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(503, ready.statusCode(), "readiness after SIGTERM: " + ready.body());
    assertTrue(ready.body().contains("stopping"), ready.body());

    assertTrue(portal.process.waitFor(DRAIN_SECONDS + 60, TimeUnit.SECONDS), "the node did not stop after its drain");
    double stoppedAfter = (System.nanoTime() - term[0]) / 1e9;
    for (Thread t : load) {
      t.join();
    }

    long drainEnd = TimeUnit.SECONDS.toNanos(DRAIN_SECONDS) - TimeUnit.MILLISECONDS.toNanos(500);
    List<Outcome> inDrain = outcomes.stream().filter(o -> o.sentAfterTerm() >= 0 && o.sentAfterTerm() < drainEnd).toList();
    List<Outcome> failed = outcomes.stream().filter(o -> o.sentAfterTerm() < drainEnd && o.status() != 302).toList();
    assertTrue(inDrain.size() >= 3, "too few saves during the drain to judge: " + inDrain.size());
    assertEquals(List.of(), failed, "requests that failed before the drain ended");
    assertTrue(stoppedAfter >= DRAIN_SECONDS, "stopped after " + stoppedAfter + " s, before the drain ended");

    Set<String> stored = storedSteps();
    assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + " but stored " + stored);
    assertTrue(java.nio.file.Files.readString(portal.log).contains("SIGTERM: readiness is DOWN"), portal.portalLines());
  }

  private Set<String> storedSteps() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/portal"), "sa", "");
        PreparedStatement query = db.prepareStatement("select p.step_id from step_progress p join account a"
            + " on a.id = p.account_id where p.tenant_id = 'acme' and a.email = 'learner@acme.example'"
            + " and p.completed_at is not null");
        ResultSet rows = query.executeQuery()) {
      Set<String> steps = new java.util.TreeSet<>();
      while (rows.next()) {
        steps.add(rows.getString(1));
      }
      return steps.stream().collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }
}
