package com.trustportal.tenant.boundary;

import com.trustportal.identity.control.PasswordHasher;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import com.trustportal.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies one tenant folder to the database, idempotently: a new tenant is created, a changed one
 * updated, an unchanged one left alone; initial accounts are created when missing and their name,
 * role and manager kept in line with the file, but a password once set is never overwritten. Each
 * tenant is applied in its own transaction, so one bad tenant cannot undo another.
 */
@Stateless
public class TenantProvisioning {

  public enum Change { CREATED, UPDATED, UNCHANGED }

  public record Outcome(String slug, Change change, int accountsCreated) {}

  @PersistenceContext(unitName = "portal")
  EntityManager platform;

  @Inject @TenantData EntityManager tenantData;

  Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome apply(TenantConfig config) {
    if (!config.slug().equals(TenantContext.require())) {
      throw new IllegalStateException("provisioning " + config.slug() + " while acting for " + TenantContext.require());
    }
    Tenant tenant = platform.find(Tenant.class, config.slug());
    Change change;
    if (tenant == null) {
      platform.persist(new Tenant(config.slug(), config.name(), config.seats(), config.signer().name(),
          config.signer().title(), config.digest(), clock.instant()));
      platform.flush();
      change = Change.CREATED;
    } else {
      change = tenant.apply(config.name(), config.seats(), config.signer().name(), config.signer().title(),
          config.digest(), clock.instant()) ? Change.UPDATED : Change.UNCHANGED;
    }
    int created = 0;
    if (change != Change.UNCHANGED) {
      created = applyAccounts(config);
    }
    return new Outcome(config.slug(), change, created);
  }

  private int applyAccounts(TenantConfig config) {
    Map<String, Account> byEmail = new HashMap<>();
    int created = 0;
    for (TenantConfig.InitialAccount initial : config.accounts()) {
      Account account = tenantData.createNamedQuery(Account.FIND_BY_EMAIL, Account.class)
          .setParameter("email", initial.email()).getResultStream().findFirst().orElse(null);
      if (account == null) {
        account = new Account(initial.email(), initial.name(), Role.of(initial.role()),
            initial.password() == null ? null : PasswordHasher.hash(initial.password()), clock.instant());
        tenantData.persist(account);
        created++;
      } else {
        account.rename(initial.name());
        account.changeRole(Role.of(initial.role()));
      }
      byEmail.put(initial.email(), account);
    }
    for (TenantConfig.InitialAccount initial : config.accounts()) {
      if (initial.manager() != null) {
        byEmail.get(initial.email()).reportTo(byEmail.get(initial.manager()));
      }
    }
    return created;
  }

  /**
   * The platform operator: an account outside every customer tenant, kept under the reserved
   * tenant id {@link Role#PLATFORM_TENANT}. Created when {@code PORTAL_OPERATOR_EMAIL} and
   * {@code PORTAL_OPERATOR_PASSWORD} are set and the account does not exist yet.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean ensureOperator(String email, String name, String password) {
    if (!Role.PLATFORM_TENANT.equals(TenantContext.require())) {
      throw new IllegalStateException("operators live in the platform tenant only");
    }
    if (platform.find(Tenant.class, Role.PLATFORM_TENANT) == null) {
      platform.persist(new Tenant(Role.PLATFORM_TENANT, "Platform", 1, "-", "-", "-", clock.instant()));
      platform.flush();
    }
    boolean exists = tenantData.createNamedQuery(Account.FIND_BY_EMAIL, Account.class)
        .setParameter("email", Account.normalise(email)).getResultStream().findFirst().isPresent();
    if (!exists) {
      tenantData.persist(new Account(email, name, Role.OPERATOR, PasswordHasher.hash(password), clock.instant()));
    }
    return !exists;
  }
}
