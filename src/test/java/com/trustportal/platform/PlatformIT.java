package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.boundary.SignInResult;
import com.trustportal.identity.control.SignInThrottle;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.control.TenantProblem;
import com.trustportal.tenant.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Start-up provisioning, migrations and sign-in throttling, inside the running portal. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PlatformIT.class, IsolationProbe.class);
  }

  @Inject TenantProvisioning provisioning;
  @Inject TenantDirectory directory;
  @Inject Accounts accounts;
  @Inject IsolationProbe probe;

  @PersistenceContext(unitName = "portal")
  EntityManager platform;

  @Test
  void applyingTheSameTenantTwiceLeavesTheSameRows() {
    TenantConfig config = IsolationProbe.tenant("idem", "rep1@idem.example", "rep2@idem.example");
    TenantProvisioning.Outcome first = TenantContext.callAsUnchecked(config.slug(), () -> provisioning.apply(config));
    long rowsAfterFirst = TenantContext.callAsUnchecked(config.slug(), probe::count);
    TenantProvisioning.Outcome second = TenantContext.callAsUnchecked(config.slug(), () -> provisioning.apply(config));

    assertEquals(TenantProvisioning.Change.CREATED, first.change());
    assertEquals(3, first.accountsCreated());
    assertEquals(TenantProvisioning.Change.UNCHANGED, second.change());
    assertEquals(3L, rowsAfterFirst);
    assertEquals(3L, (long) TenantContext.callAsUnchecked(config.slug(), probe::count));
  }

  @Test
  void aChangedTenantFileUpdatesTheTenantWithoutDuplicatingAccounts() {
    TenantConfig config = IsolationProbe.tenant("upd", "rep@upd.example");
    TenantContext.runAs(config.slug(), () -> provisioning.apply(config));
    TenantConfig renamed = new TenantConfig(config.slug(), "Renamed Ltd", config.hosts(), config.brand(), config.locale(), 75,
        config.courses(), config.signer(), config.accounts(), "changed-" + UUID.randomUUID());

    TenantProvisioning.Outcome outcome = TenantContext.callAsUnchecked(config.slug(), () -> provisioning.apply(renamed));

    assertEquals(TenantProvisioning.Change.UPDATED, outcome.change());
    assertEquals(0, outcome.accountsCreated());
    assertEquals(2L, (long) TenantContext.callAsUnchecked(config.slug(), probe::count));
    Tenant tenant = platform.find(Tenant.class, config.slug());
    assertEquals("Renamed Ltd", tenant.name());
    assertEquals(75, tenant.seats());
  }

  @Test
  void demoTenantsAreServedAndTheBrokenFolderIsRefusedWithFileLineAndField() {
    assertTrue(directory.bySlug("acme").isPresent());
    assertTrue(directory.bySlug("globex").isPresent());
    assertTrue(directory.bySlug("broken").isEmpty());
    List<TenantProblem> problems = directory.failed().get("broken");
    assertTrue(problems != null && !problems.isEmpty(), "broken tenant not reported: " + directory.failed());
    TenantProblem colour = problems.stream().filter(p -> p.field().equals("brand.primary")).findFirst().orElseThrow();
    assertEquals("broken/tenant.yaml", colour.file());
    assertEquals(5, colour.line());
  }

  @Test
  void migrationsCreateTheWholeSchemaOnAnEmptyDatabase() throws Exception {
    org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
    empty.setURL("jdbc:h2:mem:empty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    MigrateResult first = Migrations.migrate(empty);
    MigrateResult again = Migrations.migrate(empty);

    assertTrue(first.migrationsExecuted >= 1);
    assertEquals(0, again.migrationsExecuted);
    try (Connection c = empty.getConnection(); Statement s = c.createStatement();
        ResultSet tables = s.executeQuery("select count(*) from information_schema.tables where lower(table_name) in ('tenant','account')")) {
      tables.next();
      assertEquals(2, tables.getInt(1));
    }
  }

  @Test
  void migrationsCreateTheWholeSchemaInAnEmptySchemaOfTheConfiguredDatabase() throws Exception {
    String schema = "empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    javax.sql.DataSource live = new PortalDataSource();
    MigrateResult first = Migrations.migrate(live, schema);
    MigrateResult again = Migrations.migrate(live, schema);

    assertTrue(first.migrationsExecuted >= 1);
    assertEquals(0, again.migrationsExecuted);
    try (Connection c = live.getConnection(); Statement s = c.createStatement();
        ResultSet tables = s.executeQuery("select count(*) from information_schema.tables where lower(table_schema) = '"
            + schema + "' and lower(table_name) in ('tenant','account')")) {
      tables.next();
      assertEquals(2, tables.getInt(1), "on " + DatabaseSettings.describe());
    }
  }

  @Test
  void fiveWrongPasswordsFromOneAddressThrottleThatAddressOnlyNeverTheAccount() {
    TenantConfig config = IsolationProbe.tenant("thr", "rep@thr.example");
    TenantContext.runAs(config.slug(), () -> provisioning.apply(config));
    String email = "rep@thr.example";

    for (int i = 0; i < 4; i++) {
      assertTrue(signIn(config.slug(), email, "wrong-password", ATTACKER).user().isEmpty());
    }
    assertTrue(signIn(config.slug(), email, "learner-password-1", ATTACKER).user().isPresent(), "four failures must not throttle");
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS.freeFailures(); i++) {
      assertTrue(signIn(config.slug(), email, "wrong-password", ATTACKER).user().isEmpty());
    }
    SignInResult throttled = signIn(config.slug(), email, "learner-password-1", ATTACKER);
    assertTrue(throttled.user().isEmpty(), "the fifth failure must make this address wait, even with the right password");
    assertTrue(throttled.retryAfter().isPresent());
    assertTrue(signIn(config.slug(), email, "learner-password-1", OWNER).user().isPresent(),
        "the person on another address still signs in");
  }

  @Test
  void parallelSignInsOfOneAccountAllSucceedAndParallelFailuresAreAllCounted() throws Exception {
    TenantConfig config = IsolationProbe.tenant("par", "rep@par.example");
    TenantContext.runAs(config.slug(), () -> provisioning.apply(config));
    String email = "rep@par.example";
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<SignInResult>> right = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        right.add(pool.submit(() -> signIn(config.slug(), email, "learner-password-1", OWNER)));
      }
      for (Future<SignInResult> each : right) {
        assertTrue(each.get(60, TimeUnit.SECONDS).user().isPresent(), "a parallel sign-in with the right password failed");
      }
      List<Future<SignInResult>> wrong = new ArrayList<>();
      for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS.freeFailures(); i++) {
        wrong.add(pool.submit(() -> signIn(config.slug(), email, "wrong-password", ATTACKER)));
      }
      for (Future<SignInResult> each : wrong) {
        assertTrue(each.get(60, TimeUnit.SECONDS).user().isEmpty());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(signIn(config.slug(), email, "learner-password-1", ATTACKER).retryAfter().isPresent(),
        "five parallel failures must all count and make that address wait");
  }

  @Test
  void theSameEmailInTwoTenantsIsTwoSeparateAccounts() {
    TenantConfig first = IsolationProbe.tenant("twin-a", "twin@shared.example");
    TenantConfig second = IsolationProbe.tenant("twin-b", "twin@shared.example");
    TenantContext.runAs(first.slug(), () -> provisioning.apply(first));
    TenantContext.runAs(second.slug(), () -> provisioning.apply(second));

    SignedInUser inFirst = signIn(first.slug(), "twin@shared.example", "learner-password-1").orElseThrow();
    SignedInUser inSecond = signIn(second.slug(), "twin@shared.example", "learner-password-1").orElseThrow();

    assertEquals(first.slug(), inFirst.tenant());
    assertEquals(second.slug(), inSecond.tenant());
    assertFalse(inFirst.accountId().equals(inSecond.accountId()));
  }

  @Test
  void unknownEmailAndWrongPasswordGiveTheSameAnswer() {
    assertEquals(Optional.empty(), signIn("acme", "nobody@acme.example", "demo-password"));
    assertEquals(Optional.empty(), signIn("acme", "learner@acme.example", "not-the-password"));
    assertTrue(signIn("acme", "learner@acme.example", "demo-password").isPresent());
  }

  private static final String ATTACKER = "192.0.2.66";
  private static final String OWNER = "198.51.100.7";

  private Optional<SignedInUser> signIn(String tenant, String email, String password) {
    return signIn(tenant, email, password, OWNER).user();
  }

  private SignInResult signIn(String tenant, String email, String password, String address) {
    return TenantContext.callAsUnchecked(tenant, () -> accounts.signIn(email, password, address));
  }
}
