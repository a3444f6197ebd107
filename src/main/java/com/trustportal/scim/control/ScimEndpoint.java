package com.trustportal.scim.control;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.control.TenantDirectory;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * The SCIM SDK's endpoint, built once: Users and Groups (with ServiceProviderConfig, ResourceTypes and
 * Schemas, which the SDK answers itself). Its handlers use the tenant's EntityManager, which belongs to the
 * transaction of the request, so one endpoint serves every tenant. PATCH accepts Entra's dialect (the SDK's
 * MS Azure workarounds); there is no bulk, sorting, ETag or password change.
 */
@ApplicationScoped
public class ScimEndpoint {

  /** The most results one list answers; an identity provider pages through the rest. */
  public static final int MAX_RESULTS = 200;

  @Inject @TenantData EntityManager em;
  @Inject AuditTrail audit;
  @Inject TenantDirectory directory;

  private ResourceEndpoint endpoint;

  @PostConstruct
  void build() {
    ServiceProvider provider = ServiceProvider.builder()
        .patchConfig(PatchConfig.builder().supported(true).activateMsAzureFilterWorkaround(true)
            .activateMsAzureValueSubAttributeWorkaround(true).activateMsAzureComplexSimpleValueWorkaround(true).build())
        .filterConfig(FilterConfig.builder().supported(true).maxResults(MAX_RESULTS).build())
        .sortConfig(SortConfig.builder().supported(false).build())
        .bulkConfig(BulkConfig.builder().supported(false).maxOperations(0).maxPayloadSize(0L).build())
        .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
        .eTagConfig(ETagConfig.builder().supported(false).build())
        .authenticationSchemes(List.of(AuthenticationScheme.builder().name("OAuth Bearer Token")
            .description("A SCIM token of the organisation, created by its admin under Administration → SCIM tokens")
            .type("oauthbearertoken").build()))
        .caseInsensitiveValidation(true)
        .build();
    Clock clock = Clock.systemUTC();
    endpoint = new ResourceEndpoint(provider, new UserEndpointDefinition(new UsersHandler(em, audit, directory, clock)),
        new GroupEndpointDefinition(new GroupsHandler(em, audit, clock)));
    endpoint.addDefaultPatchWorkarounds();
  }

  public ResourceEndpoint get() {
    return endpoint;
  }
}
