package com.trustportal.tenant;

import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Test-only boundary: every kind of access the isolation ITs must prove, through @TenantData. */
@Stateless
public class IsolationProbe {

  @Inject @TenantData EntityManager em;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/portal")
  javax.sql.DataSource dataSource;

  /**
   * Writes, below the ORM, an invitation of {@code tenant} for {@code accountId}: the database must refuse it
   * when the account belongs to another tenant. Returns the database's refusal, or null when it was written.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public String crossTenantInvitation(String tenant, String accountId) {
    try (var c = dataSource.getConnection(); var insert = c.prepareStatement(
        "INSERT INTO invitation (id, tenant_id, account_id, token_hash, created_at, expires_at, version) "
            + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, tenant);
      insert.setString(3, accountId);
      insert.setString(4, UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000");
      insert.executeUpdate();
      return null;
    } catch (java.sql.SQLException e) {
      return e.getMessage();
    }
  }

  public static TenantConfig tenant(String prefix, String... learnerEmails) {
    String slug = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    List<TenantConfig.InitialAccount> accounts = new java.util.ArrayList<>();
    accounts.add(new TenantConfig.InitialAccount("boss@" + slug + ".example", "Boss " + slug, "manager", "boss-password-123", null, 1));
    for (String email : learnerEmails) {
      accounts.add(new TenantConfig.InitialAccount(email, "Learner " + email, "learner", "learner-password-1", "boss@" + slug + ".example", 1));
    }
    return new TenantConfig(slug, "Tenant " + slug, List.of(), new TenantConfig.Brand("#112233", "#445566", (Path) null),
        Locale.ENGLISH, 50, List.of(), new TenantConfig.Signer("S", "T"), accounts, UUID.randomUUID().toString());
  }

  /** For every tenant-owned entity (by class name): how many rows this unit of work's tenant sees through JPQL. */
  public java.util.Map<String, Long> visibleCounts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (jakarta.persistence.metamodel.EntityType<?> type : em.getMetamodel().getEntities()) {
      if (com.trustportal.tenant.entity.TenantOwned.class.isAssignableFrom(type.getJavaType())) {
        counts.put(type.getJavaType().getName(),
            em.createQuery("select count(e) from " + type.getName() + " e", Long.class).getSingleResult());
      }
    }
    return counts;
  }

  /** Whether this unit of work's tenant finds the row {@code id} of {@code entity} by primary key. */
  public boolean finds(String entity, String id) throws ClassNotFoundException {
    return em.find(Class.forName(entity), id) != null;
  }

  /**
   * Below the ORM, for every tenant-owned entity (by class name): tenant id → its row count and one of its ids,
   * read straight from the entity's table.
   */
  public java.util.Map<String, java.util.Map<String, String[]>> rowsByTenant() throws java.sql.SQLException {
    java.util.Map<String, java.util.Map<String, String[]>> all = new java.util.TreeMap<>();
    try (var c = dataSource.getConnection()) {
      for (jakarta.persistence.metamodel.EntityType<?> type : em.getMetamodel().getEntities()) {
        Class<?> entity = type.getJavaType();
        if (!com.trustportal.tenant.entity.TenantOwned.class.isAssignableFrom(entity)) {
          continue;
        }
        String table = entity.getAnnotation(jakarta.persistence.Table.class).name();
        java.util.Map<String, String[]> byTenant = new java.util.TreeMap<>();
        try (var rows = c.createStatement().executeQuery(
            "select tenant_id, count(*), min(id) from " + table + " group by tenant_id")) {
          while (rows.next()) {
            byTenant.put(rows.getString(1), new String[] {Long.toString(rows.getLong(2)), rows.getString(3)});
          }
        }
        all.put(entity.getName(), byTenant);
      }
    }
    return all;
  }

  public String create(String email, String name) {
    Account account = new Account(email, name, Role.LEARNER, null, Instant.now());
    em.persist(account);
    return account.id();
  }

  public String emailOf(String id) {
    Account account = em.find(Account.class, id);
    return account == null ? null : account.email();
  }

  /** Reads the same row twice in one transaction (second read from the EntityManager's cache). */
  public String emailOfTwice(String id) {
    Account first = em.find(Account.class, id);
    Account second = em.find(Account.class, id);
    return first == null || second == null ? null : second.email();
  }

  public List<String> jpqlEmails() {
    return em.createQuery("select a.email from Account a", String.class).getResultList();
  }

  public List<String> criteriaEmails() {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<String> q = cb.createQuery(String.class);
    Root<Account> a = q.from(Account.class);
    q.select(a.get("email"));
    return em.createQuery(q).getResultList();
  }

  public List<String> leftJoinEmails() {
    return em.createQuery("select a.email from Account a left join a.manager m", String.class).getResultList();
  }

  public int renameAll(String name) {
    return em.createQuery("update Account a set a.name = :name").setParameter("name", name).executeUpdate();
  }

  public List<String> names() {
    return em.createQuery("select a.name from Account a", String.class).getResultList();
  }

  public int deleteReports() {
    return em.createQuery("delete from Account a where a.manager is not null").executeUpdate();
  }

  public long count() {
    return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
  }

  /** Tries to use tenant data for a second tenant inside the same transaction. */
  public long countAsOtherTenantInSameTransaction(String other) {
    count();
    return TenantContext.callAsUnchecked(other, this::count);
  }
}
