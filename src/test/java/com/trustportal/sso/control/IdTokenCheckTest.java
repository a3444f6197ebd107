package com.trustportal.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token check on its own, with keys made here: what a provider's key set publishes is set by each test, and
 * the number of fetches is counted, so rotation and the refusals can be seen one at a time. The same check runs
 * end to end in {@code sso.OidcSignInIT}.
 */
class IdTokenCheckTest {

  private static final String ISSUER = "https://login.acme.example/realms/acme";
  private static final String CLIENT = "trust-portal";
  private static final String NONCE = "n-0S6_WzA2Mj";

  private static RSAKey first;
  private static RSAKey second;

  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final IdTokenCheck check = new IdTokenCheck(ISSUER, CLIENT, new ProviderKeys(() -> {
    fetches.incrementAndGet();
    return published.get();
  }, Clock.systemUTC()));

  @BeforeAll
  static void keys() throws Exception {
    first = new RSAKeyGenerator(2048).keyID("k1").generate();
    second = new RSAKeyGenerator(2048).keyID("k2").generate();
  }

  @Test
  void aTokenWithEverythingRightIsAcceptedAndTheKeysAreFetchedOnce() throws Exception {
    publish(first);
    assertEquals("learner-1", check.verify(token(first, claims().build()), NONCE).getSubject().getValue());
    check.verify(token(first, claims().build()), NONCE);
    assertEquals(1, fetches.get(), "the keys are cached");
  }

  @Test
  void aRotatedKeyWithANewKeyIdIsFetchedAndAccepted() throws Exception {
    publish(first);
    check.verify(token(first, claims().build()), NONCE);
    publish(second);
    assertEquals("learner-1", check.verify(token(second, claims().build()), NONCE).getSubject().getValue());
    assertEquals(2, fetches.get());
  }

  @Test
  void aKeyTheProviderDoesNotPublishIsRefusedAfterLookingAgain() throws Exception {
    publish(first);
    check.verify(token(first, claims().build()), NONCE);
    assertThrows(BadJOSEException.class, () -> check.verify(token(second, claims().build()), NONCE));
    assertEquals(2, fetches.get(), "an unknown key id makes the keys be fetched again, once");
  }

  @Test
  void aKeyReplacedUnderTheSameKeyIdIsFetchedAndAccepted() throws Exception {
    RSAKey replaced = new RSAKeyGenerator(2048).keyID("k1").generate();
    publish(first);
    check.verify(token(first, claims().build()), NONCE);
    publish(replaced);
    assertEquals("learner-1", check.verify(token(replaced, claims().build()), NONCE).getSubject().getValue());
  }

  @Test
  void anotherIssuerIsRefused() throws Exception {
    publish(first);
    assertThrows(BadJOSEException.class,
        () -> check.verify(token(first, claims().issuer("https://login.acme.example/realms/globex").build()), NONCE));
  }

  @Test
  void anotherAudienceIsRefused() throws Exception {
    publish(first);
    assertThrows(BadJOSEException.class, () -> check.verify(token(first, claims().audience("someone-else").build()), NONCE));
  }

  @Test
  void anotherNonceIsRefused() throws Exception {
    publish(first);
    assertThrows(BadJOSEException.class, () -> check.verify(token(first, claims().build()), "an-earlier-nonce"));
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkewButNotWithinIt() throws Exception {
    publish(first);
    long now = System.currentTimeMillis();
    check.verify(token(first, claims().expirationTime(new Date(now - 30_000)).build()), NONCE);
    assertThrows(BadJOSEException.class,
        () -> check.verify(token(first, claims().expirationTime(new Date(now - 120_000)).build()), NONCE));
  }

  @Test
  void unsignedAndSharedSecretTokensAreRefused() throws Exception {
    publish(first);
    assertThrows(BadJOSEException.class, () -> check.verify(new PlainJWT(claims().build()), NONCE));
    SignedJWT mac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    mac.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length!!"));
    assertThrows(BadJOSEException.class, () -> check.verify(mac, NONCE));
  }

  private void publish(RSAKey key) {
    published.set(new JWKSet(key.toPublicJWK()));
  }

  private static JWTClaimsSet.Builder claims() {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("learner-1").claim("nonce", NONCE)
        .issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
  }

  private static SignedJWT token(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt;
  }
}
