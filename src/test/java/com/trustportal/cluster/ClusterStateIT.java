package com.trustportal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.trustportal.platform.LearnerClient;
import com.trustportal.testing.TestFiles;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * What one node of a cluster learns, the other knows: two nodes of the shipped jar behind HAProxy
 * ({@link Cluster}), each asked directly. The hourly reminder job runs on one node only and every manager gets one
 * digest; the verification rate limit counts one client's requests on both nodes together; the operator's tenant
 * reload on node 1 is served by node 2; an admin demoted through node 2's API is refused at once on node 2 and
 * within the account-state cache's two seconds on node 1, token included.
 */
@Tag(Cluster.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStateIT {

  private static final int VERIFY_RATE = 6;
  private static final String OPERATOR = "operator@portal.example";
  private static final String OPERATOR_PASSWORD = "cluster-it-operator";
  private static final Pattern TOKEN = Pattern.compile("tp_[a-z0-9-]+_[0-9a-f]{64}");
  private static final Pattern JOB_DECISION = Pattern.compile("Job reminders, hour (\\S+): (run by this node|claimed by another node)");
  private static final Duration WAIT = Duration.ofSeconds(150);

  private static GreenMail smtp;
  private static Path tenants;
  private static Cluster cluster;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    int smtpPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      smtpPort = probe.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    tenants = tenantsWithSecondAdmin();
    cluster = Cluster.start("state", 2, Map.of(
        "PORTAL_TENANTS_DIR", tenants.toString(),
        "PORTAL_OPERATOR_EMAIL", OPERATOR,
        "PORTAL_OPERATOR_PASSWORD", OPERATOR_PASSWORD,
        "PORTAL_VERIFY_RATE", String.valueOf(VERIFY_RATE),
        // the reminders run on both nodes from their first minute (hour 0 on): a fresh database's first run sends
        // every manager the week's digest, and only the node that claims the hour may send it
        "PORTAL_REMINDERS", "on",
        "PORTAL_REMINDERS_HOUR", "0",
        "PORTAL_SMTP_HOST", "127.0.0.1",
        "PORTAL_SMTP_PORT", String.valueOf(smtpPort),
        "PORTAL_MAIL_FROM", "training@portal.example"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (smtp != null) {
        smtp.stop();
      }
    }
  }

  @Test
  @Order(1)
  void theHourlyReminderJobRunsOnOneNodeAndEveryManagerGetsOneDigest() throws Exception {
    // each node's timer ticks every minute: wait until both have decided the hour (run it, or leave it to the other)
    Map<String, List<String>> decisions = waitFor("both nodes to decide the reminders' hour", () -> {
      Map<String, List<String>> byHour = new TreeMap<>();
      for (int node = 1; node <= 2; node++) {
        Matcher m = JOB_DECISION.matcher(cluster.log(node));
        while (m.find()) {
          byHour.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add("node " + node + ": " + m.group(2));
        }
      }
      boolean bothDecided = byHour.values().stream().anyMatch(d -> d.size() == 2);
      return bothDecided ? byHour : null;
    });
    for (Map.Entry<String, List<String>> hour : decisions.entrySet()) {
      long runs = hour.getValue().stream().filter(d -> d.endsWith("run by this node")).count();
      assertTrue(runs <= 1, "hour " + hour.getKey() + " was run by more than one node: " + hour.getValue());
    }
    assertTrue(decisions.values().stream().anyMatch(d -> d.stream().filter(x -> x.endsWith("run by this node")).count() == 1
        && d.size() == 2), "one node ran the hour, the other skipped it: " + decisions);
    try (Connection db = cluster.db(); PreparedStatement claims = db.prepareStatement(
        "SELECT slot, COUNT(*) FROM job_claim WHERE job = 'reminders' GROUP BY slot")) {
      try (ResultSet rows = claims.executeQuery()) {
        int slots = 0;
        while (rows.next()) {
          slots++;
          assertEquals(1, rows.getInt(2), "one claim for hour " + rows.getString(1));
          assertTrue(decisions.containsKey(rows.getString(1)), rows.getString(1) + " claimed, decided: " + decisions);
        }
        assertTrue(slots >= 1, "the hour's claim is in job_claim");
      }
    }

    // the run sends each manager of the demo tenants one digest: wait for the ones with a team, then for stragglers
    waitFor("the digests of acme's and globex's managers", () -> recipients().containsKey("manager@acme.example")
        && recipients().containsKey("manager@globex.example") ? true : null);
    Thread.sleep(5_000);
    Map<String, Integer> received = recipients();
    received.forEach((to, count) -> assertEquals(1, count, to + " got " + count + " e-mails: " + received));
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      assertTrue(mail.getSubject().toLowerCase().contains("team"), "a manager's digest: " + mail.getSubject());
    }
  }

  @Test
  @Order(2)
  void theVerificationRateLimitCountsOneClientsRequestsOnBothNodesTogether() throws Exception {
    // the test reaches both nodes from 127.0.0.1, which start.sh lists as the trusted proxy: X-Forwarded-For names
    // the client, as HAProxy's header does for a visitor from outside
    String client = "203.0.113.7";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < VERIFY_RATE + 2; i++) {
      answers.add(verify(cluster.nodeUrl(1 + i % 2, ""), client).statusCode());
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < VERIFY_RATE; i++) {
      expected.add(404);
    }
    expected.add(429);
    expected.add(429);
    assertEquals(expected, answers, VERIFY_RATE + " requests a minute in all, node 1 and node 2 alternating");
    HttpResponse<String> refused = verify(cluster.url(""), client);
    assertEquals(429, refused.statusCode(), "through HAProxy too");
    assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().map().toString());
    assertEquals(404, verify(cluster.url(""), "203.0.113.8").statusCode(),
        "another visitor behind the same load balancer is not refused with the first");
  }

  @Test
  @Order(3)
  void aTenantChangeReloadedByTheOperatorOnNodeOneIsServedByNodeTwo() throws Exception {
    String node2Login = cluster.nodeUrl(2, "/t/globex/login.xhtml");
    assertTrue(get(node2Login).body().contains("Globex Industries"), "before: the shipped name");
    Path yaml = tenants.resolve("globex/tenant.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("name: Globex Industries", "name: Globex Worldwide"));

    LearnerClient operator = LearnerClient.onPlatform(cluster.nodeUrl(1, ""), OPERATOR, OPERATOR_PASSWORD).signIn();
    HttpResponse<String> platform = operator.get("platform/");
    assertEquals(200, platform.statusCode(), platform.body());
    HttpResponse<String> reloaded = operator.post("platform/index.xhtml", Map.of("reload", "reload",
        "reload:reloadTenants", "", "jakarta.faces.ViewState", LearnerClient.viewState(platform.body())), false);
    assertEquals(200, reloaded.statusCode(), reloaded.body());
    assertTrue(reloaded.body().contains("Tenants reloaded"), reloaded.body());

    String served = waitFor("node 2 to serve the new name", () -> {
      String body = get(node2Login).body();
      return body.contains("Globex Worldwide") ? body : null;
    });
    assertFalse(served.contains("Globex Industries"), "the old name is gone on node 2");
    assertTrue(get(cluster.nodeUrl(1, "/t/globex/login.xhtml")).body().contains("Globex Worldwide"));
  }

  @Test
  @Order(4)
  void anAdminDemotedThroughNodeTwoIsRefusedOnBothNodesWithTheirToken() throws Exception {
    LearnerClient bossOn1 = LearnerClient.of(cluster.nodeUrl(1, ""), "acme", "boss@acme.example", "demo-password").signIn();
    LearnerClient bossOn2 = LearnerClient.of(cluster.nodeUrl(2, ""), "acme", "boss@acme.example", "demo-password").signIn();
    assertEquals(200, bossOn1.get("admin/index.xhtml").statusCode());
    assertEquals(200, bossOn2.get("admin/index.xhtml").statusCode());
    String bossToken = token(bossOn1);
    assertEquals(200, api(2, "GET", "learners?max=5", bossToken, null).statusCode(), "the boss's token works before");

    String admin = token(LearnerClient.of(cluster.nodeUrl(2, ""), "acme", "admin@acme.example", "demo-password").signIn());
    HttpResponse<String> demoted = api(2, "PUT", "learners/" + id(admin, "boss@acme.example"), admin,
        "{\"name\":\"Bo Boss\",\"role\":\"learner\"}");
    assertEquals(200, demoted.statusCode(), demoted.body());

    assertSignInRedirect(bossOn2.get("admin/index.xhtml"), "node 2, where the change was made: at once");
    // node 1 trusts its read of the account for at most two seconds (SecurityStates.TTL)
    HttpResponse<String> onNode1 = waitFor("node 1 to refuse the demoted admin", () -> {
      HttpResponse<String> page = bossOn1.get("admin/index.xhtml");
      return page.statusCode() == 200 ? null : page;
    });
    assertSignInRedirect(onNode1, "node 1");
    assertSignInRedirect(bossOn1.get("learn/index.xhtml"), "the whole session ended on node 1, not just admin");
    for (int node = 1; node <= 2; node++) {
      assertEquals(401, api(node, "GET", "learners?max=5", bossToken, null).statusCode(), "the boss's token on node " + node);
      assertEquals(200, api(node, "GET", "learners?max=5", admin, null).statusCode(), "the remaining admin's token on node " + node);
    }
  }

  private static void assertSignInRedirect(HttpResponse<String> response, String what) {
    assertEquals(302, response.statusCode(), what + ": " + response.body());
    String location = response.headers().firstValue("Location").orElse("");
    assertTrue(location.contains("/login.xhtml"), what + " goes to sign-in: " + location);
  }

  private HttpResponse<String> verify(String root, String client) throws Exception {
    // a well-formed code that no certificate has: 404 while the client is within its rate
    return http.send(HttpRequest.newBuilder(URI.create(root + "/verify/MSA9-732H-Q0R5-9CFW-TG63-VP84-ANV0"))
        .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An admin's API token, created on the real page. */
  private static String token(LearnerClient admin) throws Exception {
    HttpResponse<String> page = admin.get("admin/api-tokens.xhtml");
    HttpResponse<String> created = admin.post("admin/api-tokens.xhtml", Map.of("tokens", "tokens",
        "tokens:name", "IT " + UUID.randomUUID().toString().substring(0, 8), "tokens:create", "",
        "jakarta.faces.ViewState", LearnerClient.viewState(page.body())), false);
    Matcher m = TOKEN.matcher(created.body());
    assertTrue(m.find(), "a token is shown: " + created.body());
    return m.group();
  }

  private String id(String token, String email) throws Exception {
    HttpResponse<String> found = api(2, "GET", "learners?max=5&q=" + email, token, null);
    assertEquals(200, found.statusCode(), found.body());
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(found.body()))) {
      return reader.readObject().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
          .filter(o -> o.getString("email").equals(email)).findFirst().orElseThrow().getString("id");
    }
  }

  private HttpResponse<String> api(int node, String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.nodeUrl(node, "/api/v1/" + path)))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** E-mails received so far, per recipient. */
  private static Map<String, Integer> recipients() throws Exception {
    Map<String, Integer> count = new TreeMap<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      for (Address to : mail.getRecipients(Message.RecipientType.TO)) {
        count.merge(to.toString(), 1, Integer::sum);
      }
    }
    return count;
  }

  /** Polls {@code probe} every 250 ms until it returns something, for at most {@link #WAIT}. */
  private static <T> T waitFor(String what, Callable<T> probe) throws Exception {
    long until = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T found = probe.call();
      if (found != null) {
        return found;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
      }
      Thread.sleep(250);
    }
  }

  /** The shipped tenants, with a second admin in acme (boss@acme.example) who is demoted here. */
  private static Path tenantsWithSecondAdmin() throws IOException {
    Path copy = Path.of("target", "cluster-it", "state-tenants").toAbsolutePath();
    TestFiles.deleteTree(copy);
    TestFiles.copyTree(Path.of("tenants"), copy);
    Files.writeString(copy.resolve("acme/tenant.yaml"),
        "\n  - email: boss@acme.example\n    name: Bo Boss\n    role: admin\n    password: demo-password\n",
        StandardOpenOption.APPEND);
    return copy;
  }
}
