package com.trustportal.platform.health;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.platform.Startup;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;


/**
 * Ready when the database answers, migrations are done and at least one tenant is served. Tenants
 * whose folder was refused are listed by name with their first problem: the node stays ready so the
 * healthy tenants keep being served. Refused courses are listed the same way ({@code courses.failed.<id>}).
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Inject Startup startup;
  @Inject TenantDirectory directory;
  @Inject Catalog catalog;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("portal");
    boolean database = databaseAnswers();
    boolean tenants = !directory.all().isEmpty();
    response.withData("database", database ? "reachable" : "unreachable");
    response.withData("migrations", startup.migrated() ? "done" : "not done: " + startup.migrationError());
    response.withData("tenants", String.join(",", directory.all().stream().map(t -> t.slug()).toList()));
    directory.failed().forEach((slug, problems) -> response.withData("failed." + slug, problems.get(0).toString()));
    catalog.failed().forEach((course, problem) -> response.withData("courses.failed." + course, problem.toString()));
    return response.status(database && startup.migrated() && tenants).build();
  }

  private boolean databaseAnswers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
