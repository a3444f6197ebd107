package com.trustportal.sso.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URL;
import java.util.Set;

/**
 * Checks one tenant's ID tokens: signed (never {@code none}, never a shared-secret MAC) by a key of the tenant's
 * JWKS, issued by the tenant's issuer, for the tenant's client, carrying the nonce of this sign-in, and not expired
 * (a minute of clock skew allowed). The keys are the tenant's {@link ProviderKeys}.
 */
public final class IdTokenCheck {

  /** Seconds the provider's clock and ours may disagree (iat, exp). */
  public static final int MAX_CLOCK_SKEW_SECONDS = 60;

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

  private final IDTokenValidator validator;
  private final ProviderKeys keys;

  public IdTokenCheck(String issuer, String clientId, ProviderKeys keys) {
    this.keys = keys;
    validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId),
        new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
    validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
  }

  /** A check with the keys at {@code jwksUri} (see {@link ProviderKeys}). */
  public static IdTokenCheck withKeysAt(String issuer, String clientId, URL jwksUri) {
    return new IdTokenCheck(issuer, clientId, ProviderKeys.at(jwksUri));
  }

  /**
   * The token's claims, or an exception saying what is wrong with it. A signature that fails with a cached key is
   * tried once more with the keys fetched again (a key rotated under the same key id).
   */
  public IDTokenClaimsSet verify(JWT idToken, String expectedNonce) throws BadJOSEException, JOSEException {
    try {
      return validator.validate(idToken, new Nonce(expectedNonce));
    } catch (BadJWSException e) {
      keys.refresh();
      return validator.validate(idToken, new Nonce(expectedNonce));
    }
  }
}
