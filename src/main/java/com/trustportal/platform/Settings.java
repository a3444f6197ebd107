package com.trustportal.platform;

import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Run-time settings, read through MicroProfile Config so that environment variables
 * ({@code PORTAL_DATA_DIR}, {@code PORTAL_TENANTS_DIR}, ...) override the defaults in
 * {@code META-INF/microprofile-config.properties}. One WAR serves every environment.
 */
public final class Settings {

  private Settings() {}

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  public static Path dataDir() {
    return Path.of(config().getOptionalValue("portal.data.dir", String.class).orElse("./data"))
        .toAbsolutePath()
        .normalize();
  }

  public static Path tenantsDir() {
    return Path.of(config().getOptionalValue("portal.tenants.dir", String.class).orElse("./tenants"))
        .toAbsolutePath()
        .normalize();
  }

  public static String databaseUrl() {
    return config().getOptionalValue("portal.db.url", String.class).orElse("");
  }
}
