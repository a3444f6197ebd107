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
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        .load()
        .migrate();
  }
}
