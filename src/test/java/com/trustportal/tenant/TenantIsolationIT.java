package com.trustportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenants, every way of reaching data: no row of the other tenant is ever seen or changed.
 * Each test provisions its own pair of tenants, so tests are independent of each other and of the
 * demo data.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(TenantIsolationIT.class, IsolationProbe.class);
  }

  @Inject IsolationProbe probe;
  @Inject TenantProvisioning provisioning;
  @Resource ManagedExecutorService executor;

  private String a;
  private String b;
  private String aLearner;
  private String bLearner;

  @BeforeEach
  void twoTenants() {
    TenantConfig first = IsolationProbe.tenant("iso-a", "same@shared.example", "only-a@shared.example");
    TenantConfig second = IsolationProbe.tenant("iso-b", "same@shared.example", "only-b@shared.example");
    a = first.slug();
    b = second.slug();
    TenantContext.runAs(a, () -> provisioning.apply(first));
    TenantContext.runAs(b, () -> provisioning.apply(second));
    aLearner = as(a, () -> probe.create("extra@" + a + ".example", "Extra A"));
    bLearner = as(b, () -> probe.create("extra@" + b + ".example", "Extra B"));
  }

  @Test
  void findByIdOfAnotherTenantsRowFindsNothing() {
    assertEquals("extra@" + a + ".example", as(a, () -> probe.emailOf(aLearner)));
    assertNull(as(b, () -> probe.emailOf(aLearner)));
    assertNull(as(a, () -> probe.emailOf(bLearner)));
  }

  @Test
  void theDatabaseItselfRefusesARowThatPointsAtAnotherTenantsAccount() {
    // below the ORM: a row of tenant b naming tenant a's account breaks the (tenant_id, account_id) key
    String refusal = probe.crossTenantInvitation(b, aLearner);
    assertTrue(refusal != null && refusal.toUpperCase(java.util.Locale.ROOT).contains("INVITATION_ACCOUNT_SAME_TENANT"),
        "a cross-tenant reference was written or refused for another reason: " + refusal);
    // the same row for the account's own tenant is accepted
    assertNull(probe.crossTenantInvitation(a, aLearner));
  }

  @Test
  void everyTenantOwnedTableShowsEachTenantExactlyItsOwnRows() throws Exception {
    // every tenant-owned entity, read straight from its table: tenant -> (row count, one id)
    Map<String, Map<String, String[]>> stored = as(a, () -> probe.rowsByTenant());
    List<String> wrong = new ArrayList<>();
    int sharedTables = 0;
    for (Map.Entry<String, Map<String, String[]>> table : stored.entrySet()) {
      String entity = table.getKey();
      if (table.getValue().size() > 1) {
        sharedTables++;
      }
      for (Map.Entry<String, String[]> owner : table.getValue().entrySet()) {
        String tenant = owner.getKey();
        long rows = Long.parseLong(owner.getValue()[0]);
        String id = owner.getValue()[1];
        long seen = as(tenant, () -> probe.visibleCounts()).get(entity);
        if (seen != rows) {
          wrong.add(entity + ": tenant " + tenant + " sees " + seen + " rows, owns " + rows);
        }
        if (!as(tenant, () -> probe.finds(entity, id))) {
          wrong.add(entity + ": tenant " + tenant + " does not find its own row " + id);
        }
        for (String other : stored.get(entity).keySet().stream().filter(t -> !t.equals(tenant)).limit(3).toList()) {
          if (as(other, () -> probe.finds(entity, id))) {
            wrong.add(entity + ": tenant " + other + " finds row " + id + " of tenant " + tenant);
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
    // the demo tenants and the ITs' own fill most tables for several tenants, so a leak would show
    assertTrue(sharedTables >= 4, "too few tables hold rows of more than one tenant to prove anything: " + stored.keySet());
    assertTrue(stored.size() >= 11, "every tenant-owned entity is covered: " + stored.keySet());
  }

  @Test
  void jpqlSeesOnlyTheOwnTenantsRows() {
    List<String> emails = as(a, probe::jpqlEmails);
    assertEquals(Set.of("boss@" + a + ".example", "same@shared.example", "only-a@shared.example", "extra@" + a + ".example"),
        Set.copyOf(emails));
    assertEquals(4, emails.size());
  }

  @Test
  void criteriaQuerySeesOnlyTheOwnTenantsRows() {
    List<String> emails = as(b, probe::criteriaEmails);
    assertEquals(Set.of("boss@" + b + ".example", "same@shared.example", "only-b@shared.example", "extra@" + b + ".example"),
        Set.copyOf(emails));
    assertEquals(4, emails.size());
  }

  @Test
  void bulkUpdateChangesOnlyTheOwnTenantsRows() {
    assertEquals(4, (int) as(b, () -> probe.renameAll("Renamed")));
    assertTrue(as(b, probe::names).stream().allMatch("Renamed"::equals));
    assertTrue(as(a, probe::names).stream().noneMatch("Renamed"::equals));
  }

  @Test
  void bulkDeleteRemovesOnlyTheOwnTenantsRows() {
    assertEquals(2, (int) as(b, probe::deleteReports));
    assertEquals(2L, (long) as(b, probe::count));
    assertEquals(4L, (long) as(a, probe::count));
  }

  @Test
  void anEntityCachedForOneTenantIsNotServedToAnother() {
    assertEquals("extra@" + a + ".example", as(a, () -> probe.emailOfTwice(aLearner)));
    assertEquals("extra@" + a + ".example", as(a, () -> probe.emailOf(aLearner)));
    assertNull(as(b, () -> probe.emailOfTwice(aLearner)));
  }

  @Test
  void leftJoinReturnsOnlyTheOwnTenantsRows() {
    List<String> emails = as(a, probe::leftJoinEmails);
    assertTrue(emails.stream().noneMatch(e -> e.endsWith(b + ".example") || e.startsWith("only-b")), emails.toString());
    assertTrue(emails.contains("only-a@shared.example"), emails.toString());
  }

  @Test
  void tenantDataWithoutATenantIsRefused() {
    EJBException refused = assertThrows(EJBException.class, () -> probe.count());
    assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("no tenant"), rootCause(refused).toString());
  }

  @Test
  void oneUnitOfWorkCannotSwitchToAnotherTenant() {
    Exception refused = assertThrows(Exception.class, () -> as(a, () -> probe.countAsOtherTenantInSameTransaction(b)));
    assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("refusing"), rootCause(refused).toString());
  }

  @Test
  void requestsAlternatingTenantsConcurrentlySeeOnlyTheirOwnRows() throws Exception {
    List<Future<List<String>>> results = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String tenant = i % 2 == 0 ? a : b;
      expected.add(tenant);
      results.add(executor.submit(() -> as(tenant, probe::jpqlEmails)));
    }
    for (int i = 0; i < results.size(); i++) {
      String tenant = expected.get(i);
      String other = tenant.equals(a) ? b : a;
      List<String> emails = results.get(i).get();
      assertEquals(4, emails.size(), "request " + i + " for " + tenant + ": " + emails);
      assertTrue(emails.contains("boss@" + tenant + ".example"), emails.toString());
      assertTrue(emails.stream().noneMatch(e -> e.contains(other)), emails.toString());
    }
  }

  static <T> T as(String tenant, Callable<T> work) {
    try {
      return TenantContext.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
