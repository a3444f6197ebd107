package com.trustportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP callers of the portal for client-side ITs: anonymous, or signed in through the real sign-in form. */
public final class PortalHttp {

  private PortalHttp() {}

  /** A client with its own cookie jar that does not follow redirects (tests look at them). */
  public static HttpClient client() {
    // HTTP/1.1: over a reused HTTP/2 connection the client would send the URI's authority instead of a Host header
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A client signed in to {@code tenant} (its base URL, ending in '/') as {@code email} with the demo password. */
  public static HttpClient signedIn(String tenant, String email) throws Exception {
    return signedIn(tenant, email, "demo-password");
  }

  /** A client signed in at {@code base} (a tenant's base URL or the platform's, ending in '/') with {@code password}. */
  public static HttpClient signedIn(String tenant, String email, String password) throws Exception {
    HttpClient http = client();
    String login = get(http, tenant + "login.xhtml").body();
    HttpResponse<String> signedIn = post(http, tenant + "login.xhtml", Map.of("login", "login", "email", email,
        "password", password, "submit", "", "jakarta.faces.ViewState", viewState(login)));
    assertEquals(302, signedIn.statusCode(), email + " could not sign in: " + signedIn.body());
    return http;
  }

  public static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form (url-encoded, in the map's order). */
  public static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(form);
    String nonce = NONCES.get(fields.get("jakarta.faces.ViewState"));
    if (nonce != null) {
      fields.putIfAbsent("primefaces.nonce", nonce);
    }
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The Faces view state of a rendered page (first form). */
  public static String viewState(String html) {
    Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no view state in the page: " + html.substring(0, Math.min(500, html.length())));
    }
    Matcher nonce = NONCE.matcher(html);
    if (nonce.find()) {
      NONCES.put(m.group(1), nonce.group(1));
    }
    return m.group(1);
  }

  /**
   * The page's Content-Security-Policy nonce: PrimeFaces checks that a postback carries the nonce of the page it
   * came from (the browser's PrimeFaces script sends it as {@code primefaces.nonce}); {@link #post} adds it.
   */
  private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
  private static final Map<String, String> NONCES = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
}
