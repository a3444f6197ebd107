package com.trustportal.sso.control;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.trustportal.tenant.control.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's OpenID provider as its discovery document describes it, with the tenant's token check (and so
 * its key cache). Kept per tenant, never shared, even when two tenants name the same issuer: a tenant's settings
 * (client id) are part of the check. Fetched again after {@link #TTL}, or at once when the tenant file changes
 * its issuer or client.
 */
@ApplicationScoped
public class OidcProviders {

  static final Duration TTL = Duration.ofHours(1);

  /** One tenant's provider, as read at {@code fetched}. */
  public record Provider(TenantConfig.Sso settings, OIDCProviderMetadata metadata, IdTokenCheck check, Instant fetched) {}

  private final ConcurrentMap<String, Provider> byTenant = new ConcurrentHashMap<>();

  Clock clock = Clock.systemUTC();

  /** The provider of {@code tenant}, from the cache or its discovery document. */
  public Provider of(String tenant, TenantConfig.Sso sso) throws IOException, GeneralException {
    Provider cached = byTenant.get(tenant);
    Instant now = clock.instant();
    if (cached != null && cached.settings().equals(sso) && cached.fetched().plus(TTL).isAfter(now)) {
      return cached;
    }
    // resolve() refuses a document whose issuer is not the one asked for
    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(sso.issuer()), 3000, 5000);
    Provider fresh = new Provider(sso, metadata,
        IdTokenCheck.withKeysAt(sso.issuer(), sso.clientId(), metadata.getJWKSetURI().toURL()), now);
    byTenant.put(tenant, fresh);
    return fresh;
  }
}
