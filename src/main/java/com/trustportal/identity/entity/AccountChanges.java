package com.trustportal.identity.entity;

import com.trustportal.tenant.control.TenantContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells this node when an account row was written or removed, so the per-request session check does not
 * trust its short cache for that account: a demotion on this node takes effect on the very next request.
 * Other nodes learn it from the database when their cache entry expires.
 */
public class AccountChanges {

  @PostUpdate
  @PostRemove
  void changed(Account account) {
    TenantContext.current().ifPresent(tenant ->
        CDI.current().getBeanManager().getEvent().select(AccountChanged.class).fire(new AccountChanged(tenant, account.id())));
  }

  /** An account of {@code tenant} was updated or removed (its security state may have moved on). */
  public record AccountChanged(String tenant, String accountId) {}
}
