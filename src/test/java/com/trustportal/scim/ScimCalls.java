package com.trustportal.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.web.PortalHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test does as a customer's identity provider over SCIM (for {@link ScimIT} and
 * {@code sso.ProvisionedSignInIT}): a token made by the tenant's admin on the real page, requests with it, and the
 * recorded request bodies of {@code src/test/resources/scim} (Okta's and Entra's shapes).
 */
public final class ScimCalls {

  /** A token as the admin page shows it once. */
  public static final Pattern TOKEN = Pattern.compile("tp_[a-z0-9-]+_[0-9a-f]{64}");
  /** The schema of a SCIM error answer. */
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private ScimCalls() {}

  /** A token named {@code name}, made by the signed-in {@code admin} on {@code admin/<page>.xhtml} of {@code tenant}. */
  public static String newToken(URL base, HttpClient admin, String tenant, String page, String name) throws Exception {
    String url = base + "t/" + tenant + "/admin/" + page + ".xhtml";
    String form = PortalHttp.get(admin, url).body();
    HttpResponse<String> created = PortalHttp.post(admin, url, Map.of("tokens", "tokens",
        "tokens:name", name, "tokens:create", "", "jakarta.faces.ViewState", PortalHttp.viewState(form)));
    assertEquals(200, created.statusCode(), created.body());
    Matcher m = TOKEN.matcher(created.body());
    assertTrue(m.find(), "the new token is shown once on the page");
    return m.group();
  }

  /** A SCIM request to {@code tenant}'s {@code scim/v2/<path>}, with the token (when not null) and body (when not null). */
  public static HttpResponse<String> send(HttpClient http, URL base, String tenant, String method, String path,
      String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "t/" + tenant + "/scim/v2/" + path))
        .header("Accept", "application/scim+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/scim+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's JSON, after checking its status. */
  public static JsonObject json(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A recorded request body of {@code src/test/resources/scim} with its {{placeholders}} filled in. */
  public static String body(String file, Map<String, String> values) throws Exception {
    String text = Files.readString(Path.of("src/test/resources/scim", file));
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    assertFalse(text.contains("{{"), "every placeholder of " + file + " is filled");
    return text;
  }
}
