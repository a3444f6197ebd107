package com.trustportal.sso.control;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One tenant's provider keys (its JWKS), cached for {@link #TTL}. A token naming a key the cache does not hold makes
 * the set be fetched again at once (the provider has rotated its keys), and so does {@link #refresh()} after a
 * signature failed with a cached key (a provider that rotated a key but kept its key id). Not rate limited: a token
 * reaches these keys only from the provider's own token endpoint, for a sign-in this portal started.
 */
public final class ProviderKeys implements JWKSource<SecurityContext> {

  static final Duration TTL = Duration.ofHours(1);

  private final Callable<JWKSet> fetch;
  private final Clock clock;
  private volatile JWKSet cached;
  private volatile Instant fetched = Instant.MIN;

  public ProviderKeys(Callable<JWKSet> fetch, Clock clock) {
    this.fetch = fetch;
    this.clock = clock;
  }

  /** Keys read from {@code jwksUri} (connect 3 s, read 5 s, at most 512 KiB). */
  public static ProviderKeys at(java.net.URL jwksUri) {
    return new ProviderKeys(() -> JWKSet.load(jwksUri, 3000, 5000, 512 * 1024), Clock.systemUTC());
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSet keys = cached;
    if (keys == null || fetched.plus(TTL).isBefore(clock.instant())) {
      keys = refresh();
    }
    List<JWK> found = selector.select(keys);
    if (found.isEmpty()) {
      found = selector.select(refresh());
    }
    return found;
  }

  /** Fetches the key set again, now. */
  public synchronized JWKSet refresh() throws KeySourceException {
    try {
      JWKSet keys = fetch.call();
      cached = keys;
      fetched = clock.instant();
      return keys;
    } catch (IOException | ParseException e) {
      throw new KeySourceException("the provider's keys cannot be read: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new KeySourceException("the provider's keys cannot be read: " + e, e);
    }
  }
}
