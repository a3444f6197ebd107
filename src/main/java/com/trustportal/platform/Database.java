package com.trustportal.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one data source; {@link PortalDataSource} picks H2 or PostgreSQL at run time.
 *
 * <p>The pool heals itself after a database restart or failover: every connection is checked
 * ({@code Connection.isValid}) when it is handed out, and one failed check drops every pooled
 * connection, since they all went to the same lost server. A request waits at most
 * {@link #POOL_WAIT_MILLIS} for a connection and a statement at most {@link #STATEMENT_SECONDS},
 * so an outage answers in seconds. docs/operations.md explains the numbers.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "com.trustportal.platform.PortalDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    loginTimeout = PortalDataSource.CONNECT_SECONDS,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      // isValid() is a round trip on PostgreSQL and H2 alike, and works through our PortalDataSource,
      // which hands out the driver's own connections
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      // validate on every borrow (0): a connection ended by pg_terminate_backend a moment ago is never handed out
      "fish.payara.validate-atmost-once-period-in-seconds=0",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=" + Database.POOL_WAIT_MILLIS,
      // also the time a validation may take (Payara passes it to isValid)
      "fish.payara.statement-timeout-in-seconds=" + Database.STATEMENT_SECONDS
    })
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/portal";

  /** Longest wait for a free pooled connection before the request fails (Payara's default is 60 s). */
  public static final int POOL_WAIT_MILLIS = 5000;

  /** Longest run of one SQL statement; the longest import writes batches of 500 rows, far below it. */
  public static final int STATEMENT_SECONDS = 30;
}
