package com.trustportal.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.trustportal.scim.ScimCalls.ERROR;
import static com.trustportal.scim.ScimCalls.body;
import static com.trustportal.scim.ScimCalls.json;

import com.trustportal.Deployments;
import com.trustportal.platform.LearnerClient;
import com.trustportal.web.PortalHttp;
import de.captaingoldfish.scim.sdk.client.ScimClientConfig;
import de.captaingoldfish.scim.sdk.client.ScimRequestBuilder;
import de.captaingoldfish.scim.sdk.client.response.ServerResponse;
import de.captaingoldfish.scim.sdk.common.constants.EndpointPaths;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Name;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM provisioning over HTTP as Okta and Entra ID send it: their request bodies (written from their public
 * documentation, in src/test/resources/scim) replayed against {@code /t/<slug>/scim/v2}, with a SCIM token an
 * admin created on the real page. Deactivating ends the person's open session and frees the seat; the seat limit,
 * the other tenant's token, the REST API's token and no token are refused.
 */
@ExtendWith(ArquillianExtension.class)
class ScimIT {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http = PortalHttp.client();

  @Test
  void oktaCreatesFindsReplacesAndDeactivatesAUserWhoseOpenSessionEnds() throws Exception {
    String token = scimToken("scim");
    String userName = "okta-" + run() + "@scim.example";
    HttpResponse<String> created = scim("scim", "POST", "Users", token, body("okta/create-user.json", Map.of("userName", userName)));
    JsonObject user = json(created, 201);
    String id = user.getString("id");
    assertEquals(userName, user.getString("userName"));
    assertEquals("Olivia Okta", user.getString("displayName"), "name from given and family name");
    assertTrue(user.getBoolean("active"));
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/t/scim/scim/v2/Users/" + id),
        "the location is the tenant's SCIM URL: " + created.headers().map());
    assertTrue(created.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));

    // Okta asks before creating: userName eq (any case), then pages through the list
    JsonObject found = json(scim("scim", "GET", "Users?filter=" + enc("userName eq \"" + userName.toUpperCase() + "\""), token, null), 200);
    assertEquals(1, found.getInt("totalResults"));
    assertEquals(id, found.getJsonArray("Resources").getJsonObject(0).getString("id"));
    JsonObject none = json(scim("scim", "GET", "Users?filter=" + enc("userName eq \"nobody@scim.example\""), token, null), 200);
    assertEquals(0, none.getInt("totalResults"));
    JsonObject page = json(scim("scim", "GET", "Users?startIndex=2&count=2", token, null), 200);
    assertEquals(2, page.getInt("itemsPerPage"));
    assertEquals(2, page.getInt("startIndex"));
    assertTrue(page.getInt("totalResults") >= 4, page.toString());
    assertEquals(409, json(scim("scim", "POST", "Users", token, body("okta/create-user.json", Map.of("userName", userName))), 409)
        .getInt("status", 409), "the same userName twice is a conflict");

    JsonObject replaced = json(scim("scim", "PUT", "Users/" + id, token, body("okta/replace-user.json",
        Map.of("id", id, "userName", userName))), 200);
    assertEquals("Olivia Okta-Renamed", replaced.getString("displayName"));

    // a learner of this tenant signed in without a browser; Okta deactivates them: the next request is signed out
    LearnerClient leaver = LearnerClient.of(root(), "scim", "okta-leaver@scim.example", "demo-password").signIn();
    assertEquals(200, leaver.get("learn/index.xhtml").statusCode(), "signed in");
    String leaverId = idOf("scim", token, "okta-leaver@scim.example");
    JsonObject deactivated = json(scim("scim", "PATCH", "Users/" + leaverId, token, body("okta/deactivate-user.json", Map.of())), 200);
    assertFalse(deactivated.getBoolean("active"));
    HttpResponse<String> next = leaver.get("learn/index.xhtml");
    assertEquals(302, next.statusCode(), "the open session ended at once");
    assertTrue(next.headers().firstValue("Location").orElse("").contains("login.xhtml"), next.headers().map().toString());
    assertFalse(json(scim("scim", "GET", "Users/" + leaverId, token, null), 200).getBoolean("active"));

    // every write is in the tenant's audit trail, with the token as the actor
    String audit = PortalHttp.get(PortalHttp.signedIn(base + "t/scim/", "admin@scim.example"), base + "t/scim/admin/audit.xhtml").body();
    assertTrue(audit.matches("(?s).*scim-token:IT .*SCIM_USER_CREATED.*" + Pattern.quote(userName) + ".*"), "creation audited");
    assertTrue(audit.matches("(?s).*SCIM_USER_CHANGED.*" + Pattern.quote(userName) + ".*Okta-Renamed.*"), "replace audited");
    assertTrue(audit.matches("(?s).*SCIM_USER_DEACTIVATED.*okta-leaver@scim.example.*sessions ended, seat freed.*"),
        "deactivation audited");
  }

  @Test
  void entraDialectPatchesNameManagerAndActiveAndABadOperationChangesNothing() throws Exception {
    String token = scimToken("scim");
    String managerId = idOf("scim", token, "manager@scim.example");
    String userName = "entra-" + run() + "@scim.example";
    JsonObject user = json(scim("scim", "POST", "Users", token, body("entra/create-user.json",
        Map.of("userName", userName, "managerId", managerId))), 201);
    String id = user.getString("id");
    assertEquals(managerId, user.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));

    JsonObject patched = json(scim("scim", "PATCH", "Users/" + id, token, body("entra/patch-user.json",
        Map.of("userName", userName, "managerId", managerId))), 200);
    assertEquals("Edda Entra-Changed", patched.getString("displayName"), "Replace without a path, capitalised op");
    assertEquals(managerId, patched.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"),
        "manager sent as a plain string");

    JsonObject disabled = json(scim("scim", "PATCH", "Users/" + id, token, body("entra/disable-user.json", Map.of())), 200);
    assertFalse(disabled.getBoolean("active"), "\"False\" as a string deactivates");
    JsonObject enabled = json(scim("scim", "PATCH", "Users/" + id, token, body("entra/enable-user.json", Map.of())), 200);
    assertTrue(enabled.getBoolean("active"));

    // the first operation is fine, the second names a manager that does not exist: nothing of the request stays
    JsonObject refused = json(scim("scim", "PATCH", "Users/" + id, token, body("entra/patch-user-bad-manager.json", Map.of())), 400);
    assertTrue(refused.getJsonArray("schemas").toString().contains(ERROR), refused.toString());
    assertTrue(refused.getString("detail").contains("manager.value") && refused.getString("detail").contains("no-such-user-id"),
        "says what and where: " + refused);
    assertEquals("Edda Entra-Changed", json(scim("scim", "GET", "Users/" + id, token, null), 200).getString("displayName"),
        "the first operation was rolled back with the second");

    JsonObject badName = json(scim("scim", "POST", "Users", token, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
        + "\"userName\":\"not an address\"}"), 400);
    assertTrue(badName.getString("detail").startsWith("userName:"), badName.toString());
    JsonObject notJson = json(scim("scim", "POST", "Users", token, "{\"userName\": "), 400);
    assertTrue(notJson.getJsonArray("schemas").toString().contains(ERROR), notJson.toString());
  }

  @Test
  void deactivatingByEntraEndsTheSessionAndFreesTheSeatThatTheLimitHeld() throws Exception {
    String token = scimToken("scimseats");
    String newcomer = "newcomer-" + run() + "@scimseats.example";
    JsonObject full = json(scim("scimseats", "POST", "Users", token, body("entra/create-user.json",
        Map.of("userName", newcomer, "managerId", ""))), 409);
    assertTrue(full.getJsonArray("schemas").toString().contains(ERROR), full.toString());
    assertTrue(full.getString("detail").contains("seat limit"), "says the seat limit: " + full);
    assertEquals(0, json(scim("scimseats", "GET", "Users?filter=" + enc("userName eq \"" + newcomer + "\""), token, null), 200)
        .getInt("totalResults"), "nothing was created");

    LearnerClient leaver = LearnerClient.of(root(), "scimseats", "leaver@scimseats.example", "demo-password").signIn();
    assertEquals(200, leaver.get("learn/index.xhtml").statusCode());
    String leaverId = idOf("scimseats", token, "leaver@scimseats.example");
    json(scim("scimseats", "PATCH", "Users/" + leaverId, token, body("entra/disable-user.json", Map.of())), 200);
    assertEquals(302, leaver.get("learn/index.xhtml").statusCode(), "signed out at once");

    JsonObject created = json(scim("scimseats", "POST", "Users", token, body("entra/create-user.json",
        Map.of("userName", newcomer, "managerId", ""))), 201);
    assertTrue(created.getBoolean("active"), "the freed seat is taken");
    JsonObject again = json(scim("scimseats", "PATCH", "Users/" + leaverId, token, body("entra/enable-user.json", Map.of())), 409);
    assertTrue(again.getString("detail").contains("seat limit"), "reactivating needs a seat too: " + again);
  }

  @Test
  void groupsAreTeamsCreatedRenamedAndChangedByOktaAndEntra() throws Exception {
    String token = scimToken("scim");
    String run = run();
    String first = json(scim("scim", "POST", "Users", token, body("okta/create-user.json", Map.of("userName", "g1-" + run + "@scim.example"))), 201).getString("id");
    String second = json(scim("scim", "POST", "Users", token, body("okta/create-user.json", Map.of("userName", "g2-" + run + "@scim.example"))), 201).getString("id");
    JsonObject group = json(scim("scim", "POST", "Groups", token, body("okta/create-group.json",
        Map.of("displayName", "Sales " + run, "memberId", first, "memberName", "Olivia Okta"))), 201);
    String id = group.getString("id");
    assertEquals(1, group.getJsonArray("members").size());
    assertEquals(first, group.getJsonArray("members").getJsonObject(0).getString("value"));

    JsonObject renamed = json(scim("scim", "PATCH", "Groups/" + id, token, body("okta/patch-group-rename-and-add.json",
        Map.of("id", id, "displayName", "Field Sales " + run, "memberId", second, "memberName", "Olivia Okta"))), 200);
    assertEquals("Field Sales " + run, renamed.getString("displayName"));
    assertEquals(2, renamed.getJsonArray("members").size(), renamed.toString());
    JsonObject byName = json(scim("scim", "GET", "Groups?filter=" + enc("displayName eq \"Field Sales " + run + "\""), token, null), 200);
    assertEquals(id, byName.getJsonArray("Resources").getJsonObject(0).getString("id"));

    JsonObject removed = json(scim("scim", "PATCH", "Groups/" + id, token, body("entra/patch-group-remove-member.json",
        Map.of("memberId", first))), 200);
    assertEquals(1, removed.getJsonArray("members").size(), removed.toString());
    assertEquals(second, removed.getJsonArray("members").getJsonObject(0).getString("value"));
    JsonObject readded = json(scim("scim", "PATCH", "Groups/" + id, token, body("entra/patch-group-add-member.json",
        Map.of("memberId", first))), 200);
    assertEquals(2, readded.getJsonArray("members").size(), readded.toString());

    JsonObject foreignMember = json(scim("scim", "POST", "Groups", token, body("okta/create-group.json",
        Map.of("displayName", "Other " + run, "memberId", "no-such-user", "memberName", "x"))), 400);
    assertTrue(foreignMember.getString("detail").startsWith("members[value eq \"no-such-user\"]"), foreignMember.toString());
    assertEquals(0, json(scim("scim", "GET", "Groups?filter=" + enc("displayName eq \"Other " + run + "\""), token, null), 200)
        .getInt("totalResults"), "the refused group was not kept");
    assertEquals(204, scim("scim", "DELETE", "Groups/" + id, token, null).statusCode());
    assertEquals(404, scim("scim", "GET", "Groups/" + id, token, null).statusCode());
  }

  @Test
  void onlyThisTenantsScimTokenOpensItsScimEndpointAndIdsOfAnotherTenantAreNotFound() throws Exception {
    String scimToken = scimToken("scim");
    String acmeToken = scimToken("acme");
    HttpClient admin = PortalHttp.signedIn(base + "t/scim/", "admin@scim.example");
    String apiToken = token(admin, "scim", "api-tokens");

    assertUnauthorised(scim("scim", "GET", "Users", null, null));
    assertUnauthorised(scim("scim", "GET", "Users", "tp_scim_" + "0".repeat(64), null));
    assertUnauthorised(scim("scim", "GET", "Users", acmeToken, null));
    assertUnauthorised(scim("scim", "GET", "Users", apiToken, null));
    HttpResponse<String> restWithScimToken = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/learners"))
        .header("Authorization", "Bearer " + scimToken).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, restWithScimToken.statusCode(), "a SCIM token does not open the REST API");
    assertEquals(200, scim("scim", "GET", "Users", scimToken, null).statusCode());

    // a browser session of the tenant's admin is no SCIM credential
    HttpResponse<String> withSession = admin.send(HttpRequest.newBuilder(URI.create(base + "t/scim/scim/v2/Users")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, withSession.statusCode());

    String acmeLearner = idOf("acme", acmeToken, "learner@acme.example");
    JsonObject notFound = json(scim("scim", "GET", "Users/" + acmeLearner, scimToken, null), 404);
    assertTrue(notFound.getJsonArray("schemas").toString().contains(ERROR));
    json(scim("scim", "PATCH", "Users/" + acmeLearner, scimToken, body("okta/deactivate-user.json", Map.of())), 404);
    assertTrue(json(scim("acme", "GET", "Users/" + acmeLearner, acmeToken, null), 200).getBoolean("active"),
        "the other tenant's call changed nothing");
    assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "scim/v2/Users")).header("Authorization",
        "Bearer " + scimToken).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "no SCIM outside a tenant");
  }

  @Test
  void aScimClientLibraryReadsTheConfigurationAndProvisionsAUser() throws Exception {
    String token = scimToken("scim");
    ScimRequestBuilder client = new ScimRequestBuilder(base + "t/scim/scim/v2", ScimClientConfig.builder()
        .httpHeaders(Map.of("Authorization", "Bearer " + token)).build());
    ServiceProvider provider = client.loadServiceProviderConfiguration();
    assertTrue(provider.getPatchConfig().isSupported());
    assertFalse(provider.getBulkConfig().isSupported());

    String userName = "client-" + run() + "@scim.example";
    User user = new User();
    user.setUserName(userName);
    Name name = new Name();
    name.setGivenName("Cleo");
    name.setFamilyName("Client");
    user.setName(name);
    ServerResponse<User> created = client.create(User.class, EndpointPaths.USERS).setResource(user).sendRequest();
    assertEquals(201, created.getHttpStatus(), created.getResponseBody());
    String id = created.getResource().getId().orElseThrow();
    ServerResponse<User> read = client.get(User.class, EndpointPaths.USERS, id).sendRequest();
    assertEquals(200, read.getHttpStatus());
    assertEquals("Cleo Client", read.getResource().getDisplayName().orElse(""));
    ServerResponse<User> deleted = client.delete(User.class, EndpointPaths.USERS, id).sendRequest();
    assertEquals(204, deleted.getHttpStatus());
    assertFalse(json(scim("scim", "GET", "Users/" + id, token, null), 200).getBoolean("active"),
        "delete keeps the account's history and deactivates it");
  }

  private void assertUnauthorised(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    JsonObject error = Json.createReader(new StringReader(response.body())).readObject();
    assertTrue(error.getJsonArray("schemas").toString().contains(ERROR), response.body());
    assertEquals("401", error.get("status").toString().replace("\"", ""));
  }

  private String idOf(String tenant, String token, String email) throws Exception {
    JsonObject found = json(scim(tenant, "GET", "Users?filter=" + enc("userName eq \"" + email + "\""), token, null), 200);
    assertEquals(1, found.getInt("totalResults"), found.toString());
    return found.getJsonArray("Resources").getJsonObject(0).getString("id");
  }

  private String scimToken(String tenant) throws Exception {
    return token(PortalHttp.signedIn(base + "t/" + tenant + "/", "admin@" + tenant + ".example"), tenant, "scim-tokens");
  }

  private String token(HttpClient admin, String tenant, String page) throws Exception {
    return ScimCalls.newToken(base, admin, tenant, page, "IT " + run());
  }

  private HttpResponse<String> scim(String tenant, String method, String path, String token, String body) throws Exception {
    return ScimCalls.send(http, base, tenant, method, path, token, body);
  }

  private String root() {
    String url = base.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
