package com.trustportal.tenant.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The single place where tenant isolation is switched on. Boundaries inject
 * {@code @TenantData EntityManager}; each call goes to an EntityManager that belongs to the current
 * JTA transaction and was created with EclipseLink's tenant discriminator fixed to
 * {@link TenantContext#require()}. So every find, JPQL, criteria, bulk update and delete on a
 * {@code @Multitenant} entity is filtered by {@code tenant_id}. The tenant of a transaction's
 * EntityManager never changes: a call under another tenant fails instead of mixing rows.
 */
@ApplicationScoped
public class TenantEntityManagers {

  private static final String KEY = TenantEntityManagers.class.getName();

  @PersistenceUnit(unitName = "portal")
  EntityManagerFactory emf;

  @Resource
  TransactionSynchronizationRegistry transactions;

  private record Bound(String tenant, EntityManager em) {}

  @Produces
  @TenantData
  EntityManager tenantEntityManager() {
    return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "TenantData EntityManager";
            };
          }
          try {
            return method.invoke(current(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private EntityManager current() {
    String tenant = TenantContext.require();
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("tenant data is read and written only inside a transaction (a boundary)");
    }
    Bound bound = (Bound) transactions.getResource(KEY);
    if (bound == null) {
      EntityManager em = emf.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, tenant));
      em.joinTransaction();
      bound = new Bound(tenant, em);
      transactions.putResource(KEY, bound);
      transactions.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          em.close();
        }
      });
    } else if (!bound.tenant().equals(tenant)) {
      throw new IllegalStateException("transaction works for tenant '" + bound.tenant() + "', refusing access for '" + tenant + "'");
    }
    return bound.em();
  }
}
