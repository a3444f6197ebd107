package com.trustportal.scim.control;

import com.trustportal.identity.entity.SignedInUser;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The SCIM token a request came with, as the SCIM SDK's authorization. The token was checked before the
 * SDK runs (by the SCIM servlet, against the tenant the URL names), so {@link #authenticate} only confirms it.
 */
public record ScimCaller(SignedInUser user) implements Authorization {

  public ScimCaller {
    Objects.requireNonNull(user);
  }

  /** The caller of a request the SDK is handling. */
  public static SignedInUser of(Context context) {
    return ((ScimCaller) context.getAuthorization()).user();
  }

  @Override
  public String getClientId() {
    return user.email();
  }

  @Override
  public Set<String> getClientRoles() {
    return Set.of();
  }

  @Override
  public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
    return true;
  }
}
