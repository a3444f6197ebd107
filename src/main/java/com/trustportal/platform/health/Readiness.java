package com.trustportal.platform.health;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.control.LintFinding;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.DatabaseStatus;
import com.trustportal.platform.GracefulStop;
import com.trustportal.platform.Startup;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;


/**
 * Ready when the database answers, start-up is done, at least one tenant is served and the node is not stopping. Tenants
 * whose folder was refused are listed by name with their first problem: the node stays ready so the
 * healthy tenants keep being served. Refused courses are listed the same way ({@code courses.failed.<id>}). The
 * authoring linter's warnings are listed per course ({@code courses.warnings.<id>}: the count and the first findings)
 * and never make the node unready: a warned course is offered.
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

  private static final int SHOWN_WARNINGS = 3;

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Inject Startup startup;
  @Inject TenantDirectory directory;
  @Inject Catalog catalog;
  @Inject GracefulStop stopping;
  @Inject DatabaseStatus status;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("portal");
    Optional<String> unreachable = databaseProblem();
    boolean database = unreachable.isEmpty();
    boolean tenants = !directory.all().isEmpty();
    response.withData("database", database ? "reachable" : "unreachable (" + unreachable.get() + ")");
    response.withData("migrations", startup.migrated() ? "done"
        : startup.waitingForDatabase().isPresent() ? "waiting for the database" : "not done: " + startup.migrationError());
    if (stopping.draining()) {
      response.withData("stopping", "draining before the node stops");
    }
    response.withData("tenants", String.join(",", directory.all().stream().map(t -> t.slug()).toList()));
    directory.failed().forEach((slug, problems) -> response.withData("failed." + slug, problems.get(0).toString()));
    catalog.failed().forEach((course, problem) -> response.withData("courses.failed." + course, problem.toString()));
    catalog.warnings().forEach((course, findings) -> response.withData("courses.warnings." + course, summary(findings)));
    return response.status(database && startup.serving() && tenants && !stopping.draining()).build();
  }

  /** "N warning(s): first | second | third", short enough for a health page. */
  static String summary(List<LintFinding> findings) {
    return findings.size() + (findings.size() == 1 ? " warning: " : " warnings: ")
        + String.join(" | ", findings.stream().limit(SHOWN_WARNINGS).map(LintFinding::toString).toList())
        + (findings.size() > SHOWN_WARNINGS ? " | ..." : "");
  }

  /** Empty when a connection answers within 2 s; otherwise why not, in a few words (never the driver's text). */
  private Optional<String> databaseProblem() {
    Optional<String> problem;
    try (Connection c = dataSource.getConnection()) {
      problem = c.isValid(2) ? Optional.empty() : Optional.of("no answer within 2 s");
    } catch (SQLException | RuntimeException e) {
      problem = Optional.of(DatabaseOutage.reason(e).orElse("cannot connect"));
    }
    problem.ifPresentOrElse(status::unreachable, status::reachable);
    return problem;
  }
}
