package com.trustportal.platform;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.web.PortalHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code portal.jar} processes started at the same moment on one fresh PostgreSQL database, as the nodes of a
 * cluster come up after a deploy; and the operator's reload of the tenants directory on a running node. The nodes run
 * as shipped ({@code --nohazelcast}): what is tested here is the database's part (Flyway once, tenants once) and one
 * node's reload; a tenant change reaching the other node through Hazelcast is the cluster ITs' part.
 */
class ClusterStartIT {

  private static final String OPERATOR = "operator@portal.example";
  private static final String OPERATOR_PASSWORD = "it-operator-password";

  @TempDir Path dir;
  private TestPostgres pg;
  private final List<PortalNode> nodes = new ArrayList<>();
  private Path tenants;

  @BeforeEach
  void freshDatabaseAndTenants() throws Exception {
    pg = TestPostgres.create();
    pg.start();
    tenants = dir.resolve("tenants");
    TestFiles.copyTree(Path.of("tenants"), tenants);
  }

  @AfterEach
  void stop() throws Exception {
    for (PortalNode node : nodes) {
      node.close();
      node.process.waitFor();
    }
    pg.close();
  }

  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseMigrateOnceAndCreateEachTenantOnce() throws Exception {
    PortalNode a = start(2);
    PortalNode b = nodes.get(1);

    try (Connection db = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
      assertEquals(List.of(), rows(db, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
          + " GROUP BY version HAVING COUNT(*) > 1"), "a migration recorded twice");
      assertEquals(List.of(), rows(db, "SELECT version FROM flyway_schema_history WHERE NOT success"), "a failed migration");
      assertEquals(List.of("17"), rows(db, "SELECT version FROM flyway_schema_history WHERE version = '17'"));
      assertEquals(List.of("acme", "globex"), rows(db, "SELECT slug FROM tenant WHERE slug IN ('acme', 'globex') ORDER BY slug"));
      assertEquals(List.of("1"), rows(db, "SELECT COUNT(*) FROM account WHERE email = 'learner@acme.example'"));
    }
    for (PortalNode node : List.of(a, b)) {
      String landing = PortalHttp.get(PortalHttp.client(), node.url("/")).body();
      assertTrue(landing.contains("Acme Corporation") && landing.contains("Globex"), node.portalLines());
      assertFalse(node.portalLines().contains("refused"), node.portalLines());
    }
  }

  @Test
  void anOperatorsReloadServesAChangedTenantWithoutARestartAndRefusesABrokenOneKeepingTheOld() throws Exception {
    PortalNode a = start(1);
    HttpClient admin = PortalHttp.signedIn(a.url("/t/acme/"), "admin@acme.example", "demo-password");
    assertEquals(403, PortalHttp.get(admin, a.url("/platform/")).statusCode(), "a tenant's admin cannot reach the reload");
    HttpResponse<String> anonymous = PortalHttp.post(PortalHttp.client(), a.url("/platform/"),
        Map.of("reload", "reload", "reload:reloadTenants", "", "jakarta.faces.ViewState", "stateless"));
    assertEquals(302, anonymous.statusCode(), "not signed in: sent to sign in, nothing reloaded");

    HttpClient operator = PortalHttp.signedIn(a.url("/"), OPERATOR, OPERATOR_PASSWORD);
    Path acme = tenants.resolve("acme/tenant.yaml");
    String yaml = Files.readString(acme);

    Files.writeString(acme, yaml.replace("name: Acme Corporation", "name: Acme Renamed Ltd"));
    String reloaded = reload(a, operator).body();
    assertTrue(reloaded.contains("Tenants reloaded"), reloaded);
    assertTrue(landing(a).contains("Acme Renamed Ltd"), a.portalLines());
    try (Connection db = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
      assertEquals(List.of("Acme Renamed Ltd"), rows(db, "SELECT display_name FROM tenant WHERE slug = 'acme'"));
    }

    Files.writeString(acme, yaml.replace("seats: 250", "seats: -3"));
    String refused = reload(a, operator).body();
    assertTrue(refused.contains("Not reloaded"), refused);
    assertTrue(refused.matches("(?s).*acme/tenant\\.yaml:\\d+: seats.*"), "the problem names file, line and field: " + refused);
    String after = landing(a);
    assertTrue(after.contains("Acme Renamed Ltd") && after.contains("Globex"), "the configuration served before stays: " + after);
  }

  /** Starts {@code count} nodes at the same moment on the test's database and tenants; returns the first. */
  private PortalNode start(int count) throws Exception {
    String kek = Base64.getEncoder().encodeToString(new byte[32]); // one key for both nodes: they share the database
    Map<String, String> env = Map.of("PORTAL_TENANTS_DIR", tenants.toString(), "PORTAL_OPERATOR_EMAIL", OPERATOR,
        "PORTAL_OPERATOR_PASSWORD", OPERATOR_PASSWORD, "PORTAL_SIGNING_KEK", kek);
    for (String name : List.of("a", "b").subList(0, count)) {
      Path home = Files.createDirectories(dir.resolve(name));
      nodes.add(PortalNode.start(home, pg.jdbcUrl(), env));
    }
    for (PortalNode node : nodes) {
      node.waitFor("/health/ready", s -> s == 200, 240);
    }
    return nodes.get(0);
  }

  private static HttpResponse<String> reload(PortalNode node, HttpClient operator) throws Exception {
    String page = PortalHttp.get(operator, node.url("/platform/")).body();
    return PortalHttp.post(operator, node.url("/platform/"), Map.of("reload", "reload", "reload:reloadTenants", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
  }

  private static String landing(PortalNode node) throws Exception {
    return PortalHttp.get(PortalHttp.client(), node.url("/")).body();
  }

  private static List<String> rows(Connection db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = db.createStatement().executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }
}
