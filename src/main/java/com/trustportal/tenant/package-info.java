/**
 * Tenants as code and tenant isolation. Reads {@code tenants/<slug>/tenant.yaml}, applies it at
 * start-up, resolves each request's tenant, and owns the one mechanism that scopes tenant-owned
 * data: {@link com.trustportal.tenant.control.TenantContext} plus the
 * {@link com.trustportal.tenant.control.TenantData} EntityManager.
 */
package com.trustportal.tenant;
