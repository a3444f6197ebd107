package com.trustportal.scim.boundary;

import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.scim.control.ScimCaller;
import com.trustportal.scim.control.ScimEndpoint;
import com.trustportal.tenant.control.TenantContext;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * One SCIM request, in one transaction: whatever it changed commits with its audit entries, or, when the
 * answer is an error (a bad attribute in the third PATCH operation, a full tenant), nothing of it does.
 */
@Stateless
public class Provisioning {

  @Inject ScimEndpoint endpoint;
  @Resource SessionContext context;

  /** A SCIM answer: status, headers and the JSON body (empty for 204). */
  public record Answer(int status, Map<String, String> headers, String body) {}

  public Answer handle(SignedInUser caller, String url, String method, String body, Map<String, String> headers) {
    SignedInUser.require(caller, TenantContext.require(), Role.ADMIN, "only the organisation's SCIM tokens provision it");
    ScimResponse response = endpoint.get().handleRequest(url, HttpMethod.valueOf(method), body, headers,
        new Context(new ScimCaller(caller)));
    if (response.getHttpStatus() >= 400) {
      context.setRollbackOnly();
    }
    return new Answer(response.getHttpStatus(), response.getHttpHeaders(),
        response.getHttpStatus() == 204 ? "" : response.toString());
  }
}
