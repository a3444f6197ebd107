package com.trustportal.tenant.entity;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * What makes an entity one tenant's data: every tenant-owned entity extends this class and so inherits EclipseLink's
 * single-table multitenancy on the {@code tenant_id} column (EclipseLink applies multitenancy declared on a mapped
 * superclass to every entity below it). Reads through the {@code @TenantData} EntityManager see only the current
 * tenant's rows and writes stamp its id; no query names the tenant itself. An entity that is not tenant-owned must be
 * on the short list of platform entities in {@code TenantOwnershipTest}, with the reason.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", length = 40)
public abstract class TenantOwned {

  protected TenantOwned() {}
}
