package com.trustportal.platform;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.identity.entity.Role;
import com.trustportal.learning.boundary.DemoLearners;
import com.trustportal.platform.cluster.ClusterState;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.control.TenantFolders;
import com.trustportal.tenant.control.TenantProblem;
import com.trustportal.tenant.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the node into service: migrates the schema, applies every tenant folder (each on its own,
 * so a broken one cannot stop the others), and says in a few log lines what happened. Readiness is
 * reported from here. A database that is unreachable at start is waited for, without a restart.
 */
@Singleton
@jakarta.ejb.Startup
// state is volatile and attempts are synchronized: requests ask waitingForDatabase() without queueing on a lock
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Startup {

  private static final Logger LOG = Logger.getLogger("portal");

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject TenantProvisioning provisioning;
  @Inject TenantDirectory directory;
  @Inject Catalog catalog;
  @Inject DemoLearners demoLearners;
  @Inject ClusterState cluster;

  @PersistenceUnit EntityManagerFactory entityManagers;

  /** The topic on which a node that reloaded the tenants tells the others to re-read them. */
  static final String TENANTS_TOPIC = "tenants.reload";

  @Inject
  @ConfigProperty(name = "portal.operator.email")
  Optional<String> operatorEmail;

  @Inject
  @ConfigProperty(name = "portal.operator.password")
  Optional<String> operatorPassword;

  /** Longest pause between two attempts to reach the database at start-up. */
  static final int MAX_RETRY_SECONDS = 30;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile boolean migrated;
  private volatile String migrationError;
  private volatile boolean serving;
  private volatile String waitingFor;
  private long began;
  private long waitingSince;
  private int attempts;
  private ScheduledFuture<?> retry;
  private boolean stopped;

  @PostConstruct
  void start() {
    began = System.nanoTime();
    cluster.subscribe(TENANTS_TOPIC, this::reloadedElsewhere);
    bringIntoService();
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (retry != null) {
      retry.cancel(false);
    }
  }

  /**
   * One attempt at everything a node needs before it serves: migrations, tenants, catalogue, demo completions, the
   * operator. An unreachable database is not an error here: the attempt is repeated with back-off (1, 2, 4 ... 30 s)
   * until it answers, and the log says so once per change, not once per attempt. Each step is idempotent, so an
   * attempt cut short by the database going away is simply made again.
   */
  private synchronized void bringIntoService() {
    if (stopped || serving) {
      return;
    }
    String db = DatabaseSettings.describe();
    try {
      if (!migrated) {
        MigrateResult result = Migrations.migrate(dataSource);
        migrated = true;
        migrationError = null;
        LOG.info(() -> "Database " + db + ": schema at version " + (result.targetSchemaVersion == null
            ? "(unchanged)" : result.targetSchemaVersion) + ", " + result.migrationsExecuted + " migration(s) applied");
      }
      applyTenants(Settings.tenantsDir());
      catalog.load(Settings.tenantsDir(), directory.all());
      completeDemoCourses();
      if (operatorEmail.isPresent() && operatorPassword.isPresent()) {
        boolean created = ensureOperator();
        LOG.info(() -> "Platform operator " + operatorEmail.get() + (created ? " created" : " present"));
      }
    } catch (RuntimeException e) {
      Optional<String> outage = DatabaseOutage.reason(e);
      if (outage.isPresent()) {
        waitForDatabase(db, outage.get());
        return;
      }
      if (!migrated) {
        migrationError = e.getMessage();
        LOG.severe("Database " + db + ": migration failed, no tenant is served: " + e.getMessage());
        return;
      }
      throw e;
    }
    serving = true;
    waitingFor = null;
    LOG.info(() -> String.format("Portal ready in %d ms: %d tenant(s) served, %d refused; data in %s",
        (System.nanoTime() - began) / 1_000_000, directory.all().size(), directory.failed().size(), Settings.dataDir()));
  }

  private void waitForDatabase(String db, String reason) {
    if (waitingFor == null) {
      waitingSince = System.nanoTime();
      LOG.warning(() -> "Database " + db + " unreachable (" + reason + "): not serving yet; trying again every "
          + MAX_RETRY_SECONDS + " s at most");
    } else if (!waitingFor.equals(reason)) {
      LOG.warning(() -> "Database " + db + " still unreachable, now: " + reason);
    }
    waitingFor = reason;
    long delay = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(attempts++, 5));
    retry = scheduler.schedule(() -> {
      if (waitingFor != null) {
        LOG.fine(() -> "Database " + db + ": trying again");
      }
      long waited = (System.nanoTime() - waitingSince) / 1_000_000_000;
      bringIntoService();
      if (serving) {
        LOG.info(() -> "Database " + db + " reachable after " + waited + " s of waiting");
      }
    }, delay, TimeUnit.SECONDS);
  }

  /** The operator's account; a node that starts together with another may find it created meanwhile: then it is. */
  private boolean ensureOperator() {
    try {
      return TenantContext.callAsUnchecked(Role.PLATFORM_TENANT,
          () -> provisioning.ensureOperator(operatorEmail.get(), "Platform operator", operatorPassword.get()));
    } catch (RuntimeException e) {
      if (!UniqueViolation.in(e)) {
        throw e;
      }
      return TenantContext.callAsUnchecked(Role.PLATFORM_TENANT,
          () -> provisioning.ensureOperator(operatorEmail.get(), "Platform operator", operatorPassword.get()));
    }
  }

  /** Demo learners who "have already finished" a course get there now (once), and so get their certificate. */
  private void completeDemoCourses() {
    for (TenantConfig config : directory.all()) {
      if (config.accounts().stream().noneMatch(a -> !a.completed().isEmpty())) {
        continue;
      }
      try {
        int done = TenantContext.callAsUnchecked(config.slug(), () -> demoLearners.completeListedCourses(config));
        if (done > 0) {
          LOG.info(() -> "Tenant " + config.slug() + ": " + done + " demo course completion(s) recorded");
        }
      } catch (RuntimeException e) {
        if (DatabaseOutage.is(e)) {
          throw e; // the whole attempt is repeated when the database is back
        }
        LOG.warning(() -> "Tenant " + config.slug() + ": demo completions not recorded: " + e);
      }
    }
  }

  /** Applies all tenant folders and publishes the result to the {@link TenantDirectory}. */
  public void applyTenants(Path tenantsDir) {
    apply(TenantFolders.scan(tenantsDir), Map.of());
  }

  /**
   * Applies the scanned tenants one by one, each in its own transaction, and publishes the result. A tenant the
   * database refuses is left out, unless {@code served} has a configuration for it: then that one stays served.
   */
  private void apply(TenantFolders.Scan scan, Map<String, TenantConfig> served) {
    Map<String, TenantConfig> applied = new LinkedHashMap<>();
    Map<String, List<TenantProblem>> failed = new TreeMap<>(scan.failed());
    for (TenantConfig config : scan.tenants().values()) {
      try {
        TenantProvisioning.Outcome outcome = applyRacing(config);
        applied.put(config.slug(), config);
        LOG.info(() -> "Tenant " + config.slug() + " (" + config.name() + "): " + outcome.change().name().toLowerCase()
            + (outcome.accountsCreated() > 0 ? ", " + outcome.accountsCreated() + " account(s) created" : ""));
      } catch (RuntimeException e) {
        if (DatabaseOutage.is(e)) {
          throw e; // not the folder's fault: the tenant is applied when the database is back
        }
        // the exception's text (SQL, constraint names) is for the log, not for readiness or the operator page
        String incident = java.util.UUID.randomUUID().toString();
        LOG.log(java.util.logging.Level.SEVERE, "Tenant " + config.slug() + " not applied, incident " + incident, e);
        TenantConfig before = served.get(config.slug());
        if (before != null) {
          applied.put(config.slug(), before);
          LOG.warning(() -> "Tenant " + config.slug() + ": the configuration served before stays");
        } else {
          failed.put(config.slug(), List.of(new TenantProblem(config.slug() + "/tenant.yaml", 1, "",
              "not applied: the database did not accept it; the server log has the cause under incident " + incident)));
        }
      }
    }
    failed.forEach((slug, problems) -> problems.forEach(p -> LOG.warning("Tenant " + slug + " refused: " + p)));
    directory.replace(applied, failed);
  }

  /**
   * Applies one tenant; when another node starting at the same moment created its rows first (a unique key
   * violation), applies it again, which then reads what that node wrote and finds it unchanged or updates it.
   */
  private TenantProvisioning.Outcome applyRacing(TenantConfig config) {
    try {
      return TenantContext.callAsUnchecked(config.slug(), () -> provisioning.apply(config));
    } catch (RuntimeException e) {
      if (!UniqueViolation.in(e)) {
        throw e;
      }
      LOG.info(() -> "Tenant " + config.slug() + ": another node applied it at the same moment; reading its rows");
      return TenantContext.callAsUnchecked(config.slug(), () -> provisioning.apply(config));
    }
  }

  /** What a reload of the tenants directory did: applied, or refused with its problems and nothing changed. */
  public record Reload(boolean applied, int served, List<TenantProblem> problems) {}

  /**
   * Re-reads the tenants directory on this node the way start-up does (provisioning, directory, catalogue) and
   * tells the other nodes of the cluster to re-read it too. Refused as a whole while any folder has a problem, so
   * a typo never takes a served tenant away: the configuration served before stays, on every node.
   */
  public Reload reloadTenantsEverywhere() {
    Reload reload;
    try {
      // the operator's request acts as the platform tenant, and each tenant is applied as itself: TenantContext
      // refuses that switch on one thread, so the reload runs on a thread of its own, as on the other nodes
      reload = scheduler.submit(this::reloadTenants).get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("tenant reload interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("tenant reload failed: " + e.getCause(), e);
    }
    if (reload.applied()) {
      cluster.publish(TENANTS_TOPIC, "reload");
    }
    return reload;
  }

  /**
   * Re-reads the tenants directory on this node: refused as a whole when a folder has a problem (each problem is
   * logged with its file and line), otherwise the same steps as at start-up, then EclipseLink's shared cache of
   * tenant rows is dropped, since another node may have written them.
   */
  public synchronized Reload reloadTenants() {
    if (!serving) {
      return new Reload(false, 0, List.of(new TenantProblem("tenants/", 0, "", "this node is not serving yet")));
    }
    Path tenantsDir = Settings.tenantsDir();
    TenantFolders.Scan scan = TenantFolders.scan(tenantsDir);
    List<TenantProblem> problems = scan.failed().values().stream().flatMap(List::stream).toList();
    if (!problems.isEmpty()) {
      problems.forEach(p -> LOG.warning("Tenants not reloaded, the configuration served before stays: " + p));
      return new Reload(false, directory.all().size(), problems);
    }
    Map<String, TenantConfig> served = new LinkedHashMap<>();
    directory.all().forEach(t -> served.put(t.slug(), t));
    // first: another node may have written the rows, and a stale cached row fails the update's version check
    entityManagers.getCache().evict(Tenant.class);
    apply(scan, served);
    catalog.load(tenantsDir, directory.all());
    LOG.info(() -> "Tenants reloaded: " + directory.all().size() + " served, " + directory.failed().size() + " refused");
    return new Reload(true, directory.all().size(), List.of());
  }

  /** Another node reloaded the tenants: this one re-reads the same folder (unchanged tenants are not written again). */
  private void reloadedElsewhere(String message) {
    try {
      Reload reload = reloadTenants();
      if (!reload.applied()) {
        LOG.warning("Another node reloaded the tenants, this node could not: " + reload.problems());
      }
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.WARNING, "Another node reloaded the tenants, this node failed to", e);
    }
  }

  public boolean migrated() {
    return migrated;
  }

  public String migrationError() {
    return migrationError;
  }

  /** True once the node has done everything it needs to serve (migrations, tenants, catalogue, operator). */
  public boolean serving() {
    return serving;
  }

  /** Why start-up is waiting for the database ("connection refused"), while it is. */
  public Optional<String> waitingForDatabase() {
    return Optional.ofNullable(waitingFor);
  }
}
