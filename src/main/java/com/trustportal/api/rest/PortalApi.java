package com.trustportal.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "Trust Portal API", version = "1",
        description = "Learners, enrolments, progress and certificates of one organisation. Every call needs an API "
            + "token of the organisation (Administration → API tokens) as 'Authorization: Bearer tp_...'. Errors are "
            + "application/problem+json (RFC 9457)."),
    security = @SecurityRequirement(name = "token"))
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "An API token of one organisation, created by its admin; shown once, revocable.")
public class PortalApi extends Application {}
