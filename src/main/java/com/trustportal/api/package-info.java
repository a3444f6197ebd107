/**
 * The tenant's REST API ({@code /api/v1}) for the systems a company already runs (HR, CRM): learners,
 * enrolments, progress and certificates as JSON. Callers authenticate with per-tenant API tokens that
 * an admin creates (shown once, stored as a hash, revocable); a token acts for exactly one tenant and
 * with the rights of a tenant admin, so every call goes through the same boundaries, checks and audit
 * trail as the admin pages. Errors are {@code application/problem+json}; the OpenAPI document is served
 * at {@code /openapi}.
 */
package com.trustportal.api;
