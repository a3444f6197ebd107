package com.trustportal.sso;

import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * A route of mock-oauth2-server that answers the next token request with a token response made by the test (an
 * ID token with the wrong issuer, audience, nonce, expiry or key); every other request goes to the mock server's
 * own routes.
 */
final class CannedTokenAnswer implements Route {

  private final AtomicReference<String> next = new AtomicReference<>();

  /** The next token request gets {@code idToken} (serialized) in an otherwise ordinary token response. */
  void answerNextWith(String idToken) {
    next.set("{\"access_token\":\"canned\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + idToken + "\"}");
  }

  @Override
  public boolean match(OAuth2HttpRequest request) {
    return next.get() != null && request.getMethod().equals("POST") && request.getUrl().encodedPath().endsWith("/token");
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    String body = next.getAndSet(null);
    return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json", "Cache-Control", "no-store"), 200,
        body, null);
  }
}
