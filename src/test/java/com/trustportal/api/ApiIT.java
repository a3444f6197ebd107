package com.trustportal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.web.PortalHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API over HTTP, as an integrating system sees it: tokens created by an admin on the real page,
 * scoped to their tenant, refused when missing, foreign or revoked; problem documents; the OpenAPI
 * document; and every endpoint against every kind of caller.
 */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

  private static final Pattern TOKEN = Pattern.compile("tp_[a-z0-9-]+_[0-9a-f]{64}");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http = PortalHttp.client();
  private String api;

  @BeforeEach
  void apiBase() {
    api = base + "api/v1/";
  }

  @Test
  void aTokenSeesItsOwnTenantOnly() throws Exception {
    String acme = token("acme");
    String globex = token("globex");

    JsonObject page = json(call("GET", "learners?max=500", acme, null), 200).asJsonObject();
    List<String> emails = page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("email")).toList();
    assertTrue(emails.contains("learner@acme.example"), "acme's token lists acme's learners: " + emails);
    assertTrue(emails.stream().allMatch(e -> !e.endsWith("@globex.example")), "never globex's: " + emails);
    assertEquals(emails.size(), page.getJsonNumber("total").intValue());

    String learnerId = learnerId(acme, "learner@acme.example");
    JsonObject learner = json(call("GET", "learners/" + learnerId, acme, null), 200).asJsonObject();
    assertEquals("learner@acme.example", learner.getString("email"));
    assertFalse(learner.toString().contains("password"), "no password hash in the API: " + learner);

    // the same id through globex's token: not found, as if it did not exist
    JsonObject foreign = problem(call("GET", "learners/" + learnerId, globex, null), 404);
    assertTrue(foreign.getString("detail").contains(learnerId), foreign.toString());
    problem(call("GET", "learners/" + learnerId + "/progress", globex, null), 404);
    problem(call("POST", "learners/" + learnerId + "/deactivate", globex, ""), 404);
    JsonObject stillActive = json(call("GET", "learners/" + learnerId, acme, null), 200).asJsonObject();
    assertTrue(stillActive.getBoolean("active"), "globex's call changed nothing");

    JsonArray progress = json(call("GET", "learners/" + learnerId + "/progress", acme, null), 200).asJsonArray();
    JsonObject course = progress.getJsonObject(0);
    assertEquals("collaborative-selling", course.getString("courseId"));
    assertTrue(course.getInt("stepsRequired") > 0 && course.getInt("percent") >= 0, course.toString());

    JsonArray courses = json(call("GET", "courses", acme, null), 200).asJsonArray();
    assertEquals("collaborative-selling", courses.getJsonObject(0).getString("id"));

    // certificates: acme's certified demo learner has one; globex's token sees none of acme's
    JsonObject certificates = json(call("GET", "certificates", acme, null), 200).asJsonObject();
    List<JsonObject> acmeCertificates = certificates.getJsonArray("items").getValuesAs(JsonObject.class);
    assertFalse(acmeCertificates.isEmpty(), "acme's demo certificate is listed");
    String code = acmeCertificates.get(0).getString("code");
    assertTrue(acmeCertificates.get(0).getString("verifyUrl").endsWith("/verify/" + code));
    json(call("GET", "certificates/" + code, acme, null), 200);
    problem(call("GET", "certificates/" + code, globex, null), 404);
    problem(call("POST", "certificates/" + code + "/revoke", globex, "{\"reason\":\"OTHER\"}"), 404);
    JsonObject globexCertificates = json(call("GET", "certificates", globex, null), 200).asJsonObject();
    assertFalse(globexCertificates.toString().contains(code), "globex's list has no acme certificate");
  }

  @Test
  void aTokenAddsEditsInvitesAndEnrolsLearnersOfItsTenantOnly() throws Exception {
    String acme = token("acme");
    String globex = token("globex");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "api-" + run + "@acme.example";
    String team = "API " + run;
    HttpResponse<String> created = call("POST", "learners", acme, "{\"email\":\"" + email.toUpperCase()
        + "\",\"name\":\"Ana Api\",\"team\":\"" + team + "\",\"managerEmail\":\"manager@acme.example\"}");
    JsonObject added = json(created, 201).asJsonObject();
    String id = added.getJsonObject("learner").getString("id");
    assertEquals(email, added.getJsonObject("learner").getString("email"), "stored in lower case");
    assertEquals("manager@acme.example", added.getJsonObject("learner").getString("managerEmail"));
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/learners/" + id));
    String firstLink = added.getString("invitationUrl");
    assertTrue(firstLink.contains("/t/acme/invite.xhtml?token="), firstLink);

    assertTrue(problem(call("POST", "learners", acme, "{\"email\":\"" + email + "\",\"name\":\"Again\"}"), 409)
        .getString("detail").startsWith("email:"));
    assertTrue(problem(call("POST", "learners", acme, "{\"email\":\"x-" + run + "@acme.example\"}"), 400)
        .getString("detail").startsWith("name:"));
    assertTrue(problem(call("POST", "learners", acme, "{\"email\":\"not an address\",\"name\":\"X\"}"), 400)
        .getString("detail").startsWith("email:"));
    assertTrue(problem(call("POST", "learners", acme, "{\"email\":\"y-" + run + "@acme.example\",\"name\":\"Y\","
        + "\"role\":\"boss\"}"), 400).getString("detail").startsWith("role:"));
    assertTrue(problem(call("POST", "learners", acme, "{\"email\":\"z-" + run + "@acme.example\",\"name\":\"Z\","
        + "\"managerEmail\":\"manager@globex.example\"}"), 422).getString("detail").startsWith("managerEmail:"),
        "another tenant's manager is unknown here");

    JsonObject edited = json(call("PUT", "learners/" + id, acme, "{\"name\":\"Ana Renamed\",\"team\":\"" + team
        + "\"}"), 200).asJsonObject();
    assertEquals("Ana Renamed", edited.getString("name"));
    problem(call("PUT", "learners/" + id, globex, "{\"name\":\"Taken Over\"}"), 404);

    JsonObject enrolled = json(call("POST", "enrolments", acme, "{\"team\":\"" + team
        + "\",\"courseId\":\"collaborative-selling\",\"due\":\"2027-04-30\"}"), 200).asJsonObject();
    assertEquals(1, enrolled.getInt("learners"));
    JsonObject standing = json(call("GET", "learners/" + id + "/progress", acme, null), 200).asJsonArray().getJsonObject(0);
    assertTrue(standing.getString("due").startsWith("2027-04-30T23:59:59"), standing.toString());
    assertEquals("NOT_STARTED", standing.getString("status"));
    problem(call("POST", "enrolments", acme, "{\"team\":\"no team " + run + "\",\"courseId\":\"collaborative-selling\"}"), 422);
    problem(call("POST", "enrolments", acme, "{\"learnerId\":\"" + id + "\",\"courseId\":\"no-such-course\"}"), 422);
    assertTrue(problem(call("POST", "enrolments", acme, "{\"learnerId\":\"" + id + "\",\"team\":\"" + team
        + "\",\"courseId\":\"collaborative-selling\"}"), 400).getString("detail").contains("exactly one"));
    assertTrue(problem(call("POST", "enrolments", acme, "{\"learnerId\":\"" + id
        + "\",\"courseId\":\"collaborative-selling\",\"due\":\"30/04/2027\"}"), 400).getString("detail").startsWith("due:"));
    problem(call("POST", "enrolments", globex, "{\"learnerId\":\"" + id + "\",\"courseId\":\"collaborative-selling\"}"), 422);

    String secondLink = json(call("POST", "learners/" + id + "/invitation", acme, ""), 201).asJsonObject()
        .getString("invitationUrl");
    assertFalse(secondLink.equals(firstLink));
    HttpClient invitee = PortalHttp.client();
    assertTrue(PortalHttp.get(invitee, onThisServer(firstLink)).body().contains("id=\"invalid\""),
        "the first link stopped working");
    assertFalse(PortalHttp.get(invitee, onThisServer(secondLink)).body().contains("id=\"invalid\""),
        "the new one works");

    assertFalse(json(call("POST", "learners/" + id + "/deactivate", acme, ""), 200).asJsonObject().getBoolean("active"));
    assertTrue(json(call("POST", "learners/" + id + "/reactivate", acme, ""), 200).asJsonObject().getBoolean("active"));

    HttpClient admin = PortalHttp.signedIn(base + "t/acme/", "admin@acme.example");
    String audit = PortalHttp.get(admin, base + "t/acme/admin/audit.xhtml").body();
    assertTrue(audit.contains("api-token:IT "), "API changes are audited with the token as actor");
  }

  @Test
  void badRequestsGetAProblemThatSaysWhatWasWrong() throws Exception {
    String acme = token("acme");
    JsonObject missing = problem(call("GET", "learners", null, null), 401);
    assertTrue(missing.getString("detail").contains("Bearer"), missing.toString());
    problem(call("GET", "learners", "tp_acme_" + "0".repeat(64), null), 401);
    problem(call("GET", "learners", "tp_nosuchtenant_" + "0".repeat(64), null), 401);
    problem(call("GET", "learners", "not-a-token", null), 401);

    assertTrue(problem(call("GET", "learners?max=abc", acme, null), 400).getString("detail").startsWith("max:"));
    assertTrue(problem(call("GET", "learners?max=100000", acme, null), 400).getString("detail").contains("500"));
    assertTrue(problem(call("GET", "learners?sort=passwordHash", acme, null), 400).getString("detail").startsWith("sort:"));
    problem(call("GET", "nothing-here", acme, null), 404);
    problem(call("GET", "certificates/not-a-code", acme, null), 404);
    String code = json(call("GET", "certificates", acme, null), 200).asJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("code");
    JsonObject badReason = problem(call("POST", "certificates/" + code + "/revoke", acme, "{\"reason\":\"BORED\"}"), 400);
    assertTrue(badReason.getString("detail").contains("ISSUED_IN_ERROR"), badReason.toString());
    problem(call("POST", "certificates/" + code + "/revoke", acme, "{not json"), 400);
    assertEquals("valid", json(call("GET", "certificates/" + code, acme, null), 200).asJsonObject().getString("status"),
        "a refused revocation changed nothing");
  }

  @Test
  void revokingACertificateTwiceAnswersConflictAndKeepsTheFirstRevocation() throws Exception {
    String certify = token("certify");
    String learner = learnerId(certify, "revoke-twice@certify.example");
    String code = json(call("GET", "certificates?learner=" + learner, certify, null), 200).asJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("code");

    JsonObject revoked = json(call("POST", "certificates/" + code + "/revoke", certify, "{\"reason\":\"SUPERSEDED\"}"), 200)
        .asJsonObject();
    JsonObject again = problem(call("POST", "certificates/" + code + "/revoke", certify, "{\"reason\":\"OTHER\"}"), 409);

    assertEquals("revoked", revoked.getString("status"));
    assertTrue(again.getString("detail").contains("already revoked"), again.toString());
    JsonObject after = json(call("GET", "certificates/" + code, certify, null), 200).asJsonObject();
    assertEquals("revoked", after.getString("status"));
    assertEquals("SUPERSEDED", after.getString("revocationReason"), "the first revocation stands");
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() throws Exception {
    HttpClient admin = PortalHttp.signedIn(base + "t/acme/", "admin@acme.example");
    String token = token(admin, "acme");
    json(call("GET", "courses", token, null), 200);
    String page = PortalHttp.get(admin, base + "t/acme/admin/api-tokens.xhtml").body();
    assertTrue(page.contains("list:table:0:revoke"), "the newest token is first and revocable");
    HttpResponse<String> revoked = PortalHttp.post(admin, base + "t/acme/admin/api-tokens.xhtml",
        Map.of("list", "list", "list:table:0:revoke", "", "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    assertEquals(200, revoked.statusCode());
    assertTrue(revoked.body().contains("revoked"), revoked.body());
    JsonObject refused = problem(call("GET", "courses", token, null), 401);
    assertTrue(refused.getString("detail").contains("revoked"), refused.toString());
    String audit = PortalHttp.get(admin, base + "t/acme/admin/audit.xhtml").body();
    assertTrue(audit.contains("API_TOKEN_REVOKED") || audit.contains("API token"), "the audit trail shows it");
  }

  /**
   * One fresh token used by 20 requests at once, in batches from a few seconds before a full minute to a
   * few seconds after it: noting the token's first use and its use in the new minute once conflicted
   * on the token's version and answered 500, as an HTML page.
   */
  @Test
  void oneTokenServesParallelRequestsAcrossAMinuteBoundary() throws Exception {
    HttpClient admin = PortalHttp.signedIn(base + "t/acme/", "admin@acme.example");
    String token = token(admin, "acme");
    List<String> wrong = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    Instant boundary;
    try {
      int batches = 0;
      fireBatch(pool, token, wrong); // the token's first use
      batches++;
      boundary = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), boundary.minusSeconds(3)).toMillis()));
      boolean crossed = false;
      while (Instant.now().isBefore(boundary.plusSeconds(3))) {
        crossed |= !Instant.now().isBefore(boundary);
        fireBatch(pool, token, wrong);
        batches++;
      }
      assertTrue(crossed && batches > 2, "batches were fired on both sides of " + boundary);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), wrong.stream().distinct().toList());
    String page = PortalHttp.get(admin, base + "t/acme/admin/api-tokens.xhtml").body();
    String row = page.substring(page.indexOf(token.substring(0, token.length() - 60)));
    row = row.substring(0, row.indexOf("</tr>"));
    String minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(boundary);
    assertTrue(row.contains(minute), "the use in the new minute was noted, " + minute + ": " + row);
  }

  /** 20 parallel {@code GET courses}; every answer that is not 200 JSON is added to {@code wrong}. */
  private void fireBatch(ExecutorService pool, String token, List<String> wrong) throws Exception {
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> call("GET", "courses", token, null)));
    }
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
      String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0];
      if (response.statusCode() != 200 || !type.equals("application/json")) {
        wrong.add(response.statusCode() + " " + type + ": " + response.body().substring(0, Math.min(200, response.body().length())));
      }
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
    HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/openapi"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, doc.statusCode());
    for (String path : List.of("/api/v1/learners", "/api/v1/learners/{id}", "/api/v1/learners/{id}/progress",
        "/api/v1/learners/{id}/deactivate", "/api/v1/certificates/{code}/revoke", "/api/v1/courses")) {
      assertTrue(doc.body().contains(path), "OpenAPI lists " + path);
    }
    assertTrue(doc.body().contains("bearer"), "and the bearer token scheme");
  }

  /** Every endpoint × anonymous, learner, manager and admin sessions (no token), acme's token, globex's token. */
  @Test
  void everyEndpointAnswersEachCallerAsTheTableSays() throws Exception {
    String acme = token("acme");
    String globex = token("globex");
    String learnerId = learnerId(acme, "learner@acme.example");
    String code = json(call("GET", "certificates", acme, null), 200).asJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("code");
    Map<String, int[]> matrix = new LinkedHashMap<>();
    // anonymous, learner session, manager session, admin session, acme token, globex token
    matrix.put("GET learners", new int[] {401, 401, 401, 401, 200, 200});
    matrix.put("GET learners/" + learnerId, new int[] {401, 401, 401, 401, 200, 404});
    matrix.put("GET learners/" + learnerId + "/progress", new int[] {401, 401, 401, 401, 200, 404});
    matrix.put("POST learners/" + learnerId + "/reactivate", new int[] {401, 401, 401, 401, 200, 404});
    matrix.put("GET courses", new int[] {401, 401, 401, 401, 200, 200});
    matrix.put("GET certificates", new int[] {401, 401, 401, 401, 200, 200});
    matrix.put("GET certificates/" + code, new int[] {401, 401, 401, 401, 200, 404});
    // writes with a body that passes the gate but not validation: the token's tenant decides 400 or 404
    matrix.put("POST learners | {}", new int[] {401, 401, 401, 401, 400, 400});
    matrix.put("PUT learners/" + learnerId + " | {}", new int[] {401, 401, 401, 401, 400, 404});
    matrix.put("POST learners/" + learnerId + "/invitation", new int[] {401, 401, 401, 401, 409, 404});
    matrix.put("POST enrolments | {}", new int[] {401, 401, 401, 401, 400, 400});
    matrix.put("POST certificates/" + code + "/revoke | {}", new int[] {401, 401, 401, 401, 400, 404});
    String acmeBase = base + "t/acme/";
    List<HttpClient> sessions = List.of(PortalHttp.client(), PortalHttp.signedIn(acmeBase, "learner@acme.example"),
        PortalHttp.signedIn(acmeBase, "manager@acme.example"), PortalHttp.signedIn(acmeBase, "admin@acme.example"),
        PortalHttp.client(), PortalHttp.client());
    String[] tokens = {null, null, null, null, acme, globex};
    String[] names = {"anonymous", "learner", "manager", "admin session", "acme token", "globex token"};
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, int[]> cell : matrix.entrySet()) {
      String[] request = cell.getKey().split(" \\| ", 2);
      String[] call = request[0].split(" ", 2);
      String body = request.length > 1 ? request[1] : call[0].equals("GET") ? null : "";
      for (int i = 0; i < names.length; i++) {
        HttpResponse<String> response = send(sessions.get(i), call[0], call[1], tokens[i], body);
        if (response.statusCode() != cell.getValue()[i]) {
          wrong.add(cell.getKey() + " as " + names[i] + ": " + response.statusCode() + ", expected " + cell.getValue()[i]);
        } else if (response.statusCode() >= 400) {
          assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
              cell.getKey() + " as " + names[i]);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** A link built from the configured public address, on the server under test. */
  private String onThisServer(String link) {
    return base + link.substring(link.indexOf("t/acme/"));
  }

  private String learnerId(String token, String email) throws Exception {
    return json(call("GET", "learners?q=" + email, token, null), 200).asJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("id");
  }

  /** Creates a token on the admin page of {@code tenant}, as its admin. */
  private String token(String tenant) throws Exception {
    return token(PortalHttp.signedIn(base + "t/" + tenant + "/", "admin@" + tenant + ".example"), tenant);
  }

  private String token(HttpClient admin, String tenant) throws Exception {
    String url = base + "t/" + tenant + "/admin/api-tokens.xhtml";
    String page = PortalHttp.get(admin, url).body();
    HttpResponse<String> created = PortalHttp.post(admin, url, Map.of("tokens", "tokens",
        "tokens:name", "IT " + UUID.randomUUID().toString().substring(0, 8), "tokens:create", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    assertEquals(200, created.statusCode(), created.body());
    Matcher m = TOKEN.matcher(created.body());
    assertTrue(m.find(), "the new token is shown once on the page");
    assertTrue(m.group().startsWith("tp_" + tenant + "_"));
    String again = PortalHttp.get(admin, url).body();
    assertFalse(again.contains(m.group()), "and never again");
    return m.group();
  }

  private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    return send(http, method, path, token, body);
  }

  private HttpResponse<String> send(HttpClient client, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonStructure json(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.request().uri() + ": " + response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    return Json.createReader(new StringReader(response.body())).read();
  }

  private static JsonObject problem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.request().uri() + ": " + response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        response.request().uri() + " answers a problem document");
    JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
    assertEquals(status, problem.getInt("status"));
    assertTrue(problem.containsKey("title") && problem.containsKey("detail"), problem.toString());
    return problem;
  }
}
