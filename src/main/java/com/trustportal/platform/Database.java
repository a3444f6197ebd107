package com.trustportal.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The portal's one data source; {@link PortalDataSource} picks H2 or PostgreSQL at run time. */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "com.trustportal.platform.PortalDataSource",
    minPoolSize = 2,
    maxPoolSize = 32)
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/portal";
}
