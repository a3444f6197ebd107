package com.trustportal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.platform.LearnerClient;
import com.trustportal.testing.TestFiles;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes behind HAProxy with sessions replicated through Hazelcast (deploy/cluster): a node that dies or is
 * restarted costs its learners nothing. Learners in the middle of a module, a role-play and the final assessment
 * go on from the page they have open, on another node, without signing in again, and every save the portal
 * acknowledged is in the database.
 */
@Tag(Cluster.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

  private static final String[] REPS = {"rep1@acme.example", "rep2@acme.example", "rep3@acme.example", "rep4@acme.example"};
  private static final long SETTLE_MILLIS = 1_000;
  private static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = Cluster.start("failover", 2, Map.of("PORTAL_TENANTS_DIR", tenantsWithReps().toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void learnersOfAKilledNodeGoOnFromTheirOpenPageOnTheOtherNode() throws Exception {
    // three learners on the same node: in a module, in a role-play, in the final assessment
    LearnerClient module = new LearnerClient(cluster.url(""), REPS[0]).signIn();
    int node = cluster.nodeOf(module);
    LearnerClient rolePlayer = signedInOn(node, REPS[1]);
    LearnerClient examinee = signedInOn(node, REPS[2]);

    assertEquals(302, module.markRead("m1-l1").statusCode());
    String reflectionView = LearnerClient.viewState(ok(module.get(module.player("m1-reflect"))));
    assertSaved(module.saveReflection("m1-reflect", reflectionView, "First thoughts, before the crash"));

    HttpResponse<String> rolePlay = rolePlayer.get(rolePlayer.player("m1-roleplay"));
    String rolePlayView = LearnerClient.viewState(ok(rolePlay));
    HttpResponse<String> firstReply = reply(rolePlayer, rolePlay.body(), rolePlayView);
    assertEquals(1, count(ok(firstReply), "class=\"seller-line\""), firstReply.body());

    HttpResponse<String> assessment = examinee.get("learn/assessment.xhtml?course=" + LearnerClient.COURSE);
    String assessmentView = LearnerClient.viewState(ok(assessment));
    Map<String, String> answers = firstChoices(assessment.body());
    assertTrue(answers.size() >= 10, "the assessment page shows " + answers.size() + " questions: " + assessment.body());

    // The node dies a moment after its last answer, as a learner reads before the next click. Payara stores a
    // session in Hazelcast after the request, when the answer may already have reached the browser: a change made
    // in the last milliseconds before a crash can be lost (docs/operations.md, "Sessions in Hazelcast").
    Thread.sleep(SETTLE_MILLIS);
    cluster.kill(node);

    // the next request of each, from the page they had open, on the other node (at most one retried request)
    Retried<String> reflection = retried(() -> module.saveReflection("m1-reflect", reflectionView, "Second thoughts, after the crash"));
    assertSaved(reflection.answer());
    Retried<String> secondReply = retried(() -> reply(rolePlayer, firstReply.body(), LearnerClient.viewState(firstReply.body())));
    assertEquals(2, count(ok(secondReply.answer()), "class=\"seller-line\""), secondReply.answer().body());
    Retried<String> submitted = retried(() -> submit(examinee, answers, assessmentView));
    assertTrue(ok(submitted.answer()).contains("id=\"result\""), submitted.answer().body());
    for (Retried<String> r : List.of(reflection, secondReply, submitted)) {
      assertTrue(r.retries() <= 1, "more than one retry: " + r);
    }
    assertEquals(302, module.markRead("m1-l2").statusCode(), "a lesson after the crash");
    for (LearnerClient learner : List.of(module, rolePlayer, examinee)) {
      assertTrue(ok(learner.get("learn/index.xhtml")).contains("My learning"), learner.email() + " lost the session");
    }

    // every acknowledged save is in the database, once
    assertEquals("Second thoughts, after the crash", answer(REPS[0], "m1-reflect"));
    assertEquals(1, completed(REPS[0], "m1-l1"));
    assertEquals(1, completed(REPS[0], "m1-l2"));
    assertEquals(1, submittedAttempts(REPS[2]));

    // the node comes back and takes load again, with the sessions it had before
    cluster.restart(node);
    assertTrue(ok(module.get("learn/index.xhtml")).contains("My learning"));
    assertEquals(node, cluster.nodeOf(module), "the learner's session cookie still names node " + node);
    LearnerClient newcomer = signedInOn(node, REPS[3]);
    assertEquals(302, newcomer.markRead("m1-l1").statusCode());
    assertEquals(1, completed(REPS[3], "m1-l1"));
  }

  @Test
  @Order(2)
  void aRollingRestartUnderLoadFailsNoRequestAndLosesNoSave() throws Exception {
    List<LearnerClient> learners = new ArrayList<>();
    for (String rep : REPS) {
      learners.add(new LearnerClient(cluster.url(""), rep).signIn());
    }
    List<String> steps = List.of("m2-l1", "m2-l2", "m2-l3", "m2-l4", "m2-l5", "m3-l1", "m3-l2", "m3-l3");
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> saved = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> load = new ArrayList<>();
    for (LearnerClient learner : learners) {
      Thread t = new Thread(() -> {
        int n = 0;
        while (running.get()) {
          String step = steps.get(n++ % steps.size());
          try {
            HttpResponse<String> page = learner.get(n % 2 == 0 ? "learn/index.xhtml" : learner.player(step));
            if (page.statusCode() != 200) {
              failures.add(learner.email() + " GET " + page.uri() + ": " + page.statusCode());
              continue;
            }
            if (n % 2 == 1) {
              HttpResponse<String> save = learner.post(learner.player(step), Map.of("player", "player",
                  "player:markRead", "", "jakarta.faces.ViewState", LearnerClient.viewState(page.body())), false);
              if (save.statusCode() == 302 && !save.headers().firstValue("Location").orElse("").contains("login")) {
                saved.add(learner.email() + " " + step);
              } else {
                failures.add(learner.email() + " save " + step + ": " + save.statusCode() + " "
                    + save.headers().firstValue("Location").orElse(""));
              }
            }
          } catch (Exception e) {
            failures.add(learner.email() + ": " + e);
          }
        }
      });
      t.start();
      load.add(t);
    }
    String restarted;
    try {
      Thread.sleep(2_000);
      restarted = cluster.script("restart.sh");
      Thread.sleep(2_000);
    } finally {
      running.set(false);
      for (Thread t : load) {
        t.join();
      }
    }
    assertTrue(restarted.contains("node-1: ready") && restarted.contains("node-2: ready"), restarted);
    assertEquals(List.of(), List.copyOf(failures), "failed requests during the rolling restart");
    assertTrue(saved.size() >= 20, "too little traffic to prove anything: " + saved.size() + " saves");
    for (String s : saved.stream().distinct().toList()) {
      String[] parts = s.split(" ");
      assertEquals(1, completed(parts[0], parts[1]), "acknowledged save lost: " + s);
    }
  }

  // --- the learners' side -------------------------------------------------------------------------------------

  /** A learner signed in on node {@code node}: new sessions until HAProxy's round robin puts one there. */
  private static LearnerClient signedInOn(int node, String email) throws Exception {
    for (int attempt = 0; attempt < 8; attempt++) {
      LearnerClient learner = new LearnerClient(cluster.url(""), email).signIn();
      if (cluster.nodeOf(learner) == node) {
        return learner;
      }
    }
    throw new AssertionError("HAProxy never put a session of " + email + " on node-" + node);
  }

  private static final Pattern REPLY = Pattern.compile("player:replies:(\\d+):reply");
  private static final Pattern NODE = Pattern.compile("name:(?:&quot;|\"|')node(?:&quot;|\"|'),value:(?:&quot;|\"|')([^\"'&]+)");

  /** Chooses the first reply the role-play offers on this page (or partial response), as a click on it does. */
  private static HttpResponse<String> reply(LearnerClient learner, String page, String view) throws Exception {
    Matcher button = REPLY.matcher(page);
    Matcher node = NODE.matcher(page);
    assertTrue(button.find() && node.find(), "no reply to choose: " + page);
    String id = button.group();
    return learner.post(learner.player("m1-roleplay"), Map.of("jakarta.faces.partial.ajax", "true",
        "jakarta.faces.source", id, "jakarta.faces.partial.execute", "player", "jakarta.faces.partial.render", "player",
        id, id, "player", "player", "node", node.group(1).replace("\\", ""), "jakarta.faces.ViewState", view), true);
  }

  private static final Pattern RADIO = Pattern.compile("<input[^>]*type=\"radio\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"(answers:[^\"]+:choice)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  /** The first option of every question on the assessment page, by the radio group's name. */
  private static Map<String, String> firstChoices(String page) {
    Map<String, String> answers = new LinkedHashMap<>();
    Matcher radio = RADIO.matcher(page);
    while (radio.find()) {
      Matcher name = NAME.matcher(radio.group());
      Matcher value = VALUE.matcher(radio.group());
      if (name.find() && value.find()) {
        answers.putIfAbsent(name.group(1), value.group(1));
      }
    }
    return answers;
  }

  private static HttpResponse<String> submit(LearnerClient learner, Map<String, String> answers, String view) throws Exception {
    Map<String, String> form = new LinkedHashMap<>(answers);
    form.putAll(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "answers:submit",
        "jakarta.faces.partial.execute", "answers", "jakarta.faces.partial.render", "answers assessment",
        "answers:submit", "answers:submit", "answers", "answers", "jakarta.faces.ViewState", view));
    return learner.post("learn/assessment.xhtml?course=" + LearnerClient.COURSE, form, true);
  }

  private record Retried<T>(HttpResponse<T> answer, int retries, List<String> before) {}

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  /** Sends once, and once more when the first try got no answer or a gateway error (502, 503, 504). */
  private static Retried<String> retried(Call call) throws Exception {
    List<String> before = new ArrayList<>();
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<String> answer = call.send();
        if (attempt < 1 && answer.statusCode() >= 502 && answer.statusCode() <= 504) {
          before.add(String.valueOf(answer.statusCode()));
          continue;
        }
        return new Retried<>(answer, attempt, before);
      } catch (IOException e) {
        if (attempt >= 1) {
          throw e;
        }
        before.add(e.toString());
      }
    }
  }

  private static String ok(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.uri() + ": " + answer.body());
    assertFalse(answer.body().contains("<error-name>") || answer.body().contains("<title>Page expired"),
        "the page's state was lost: " + answer.body());
    return answer.body();
  }

  private static void assertSaved(HttpResponse<String> answer) {
    assertTrue(ok(answer).contains("Your reflection is saved."), answer.body());
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  // --- the database's side ------------------------------------------------------------------------------------

  private static int completed(String email, String step) throws Exception {
    return queryInt("select count(*) from step_progress p join account a on a.id = p.account_id"
        + " where p.tenant_id = 'acme' and a.email = ? and p.step_id = ? and p.completed_at is not null", email, step);
  }

  private static int submittedAttempts(String email) throws Exception {
    return queryInt("select count(*) from assessment_attempt t join account a on a.id = t.account_id"
        + " where t.tenant_id = 'acme' and a.email = ? and t.submitted_at is not null", email);
  }

  private static String answer(String email, String step) throws Exception {
    try (Connection db = cluster.db(); PreparedStatement q = db.prepareStatement("select p.answer from step_progress p"
        + " join account a on a.id = p.account_id where p.tenant_id = 'acme' and a.email = ? and p.step_id = ?")) {
      q.setString(1, email);
      q.setString(2, step);
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static int queryInt(String sql, String... params) throws Exception {
    try (Connection db = cluster.db(); PreparedStatement q = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setString(i + 1, params[i]);
      }
      try (ResultSet rows = q.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** The shipped tenants, with four more learners in acme (the demo has one learner without a certificate). */
  private static Path tenantsWithReps() throws IOException {
    Path copy = Path.of("target", "cluster-it", "failover-tenants").toAbsolutePath();
    TestFiles.deleteTree(copy);
    TestFiles.copyTree(Path.of("tenants"), copy);
    StringBuilder reps = new StringBuilder("\n");
    for (String rep : REPS) {
      reps.append("  - email: ").append(rep).append("\n    name: Rep ").append(rep.charAt(3))
          .append("\n    role: learner\n    password: demo-password\n    manager: manager@acme.example\n");
    }
    Files.writeString(copy.resolve("acme/tenant.yaml"), reps, StandardOpenOption.APPEND);
    return copy;
  }
}
