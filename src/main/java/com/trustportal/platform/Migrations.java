package com.trustportal.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations (Flyway, {@code db/migration}), the same scripts on H2 and
 * PostgreSQL. Migrations only ever add: an upgrade never drops learners' data.
 */
public final class Migrations {

  private Migrations() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return configure(dataSource).load().migrate();
  }

  /** Migrates into {@code schema}, creating it when missing (a fresh schema beside the live one). */
  public static MigrateResult migrate(DataSource dataSource, String schema) {
    return configure(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true).load().migrate();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .validateMigrationNaming(true);
  }
}
