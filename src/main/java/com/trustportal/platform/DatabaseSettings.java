package com.trustportal.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The database settings an operator gives: {@code PORTAL_DB_URL} (empty: embedded H2 under
 * {@code PORTAL_DATA_DIR}), {@code PORTAL_DB_USER}, {@code PORTAL_DB_PASSWORD}. Read from system
 * properties ({@code portal.db.url}, ...) or environment variables at run time, because the data
 * source is created by the container before the application's own configuration is available.
 */
public final class DatabaseSettings {

  private DatabaseSettings() {}

  public static String jdbcUrl() {
    return setting("portal.db.url", "PORTAL_DB_URL").orElseGet(() -> h2Url(dataDir()));
  }

  public static String user() {
    return setting("portal.db.user", "PORTAL_DB_USER").orElse(jdbcUrl().startsWith("jdbc:h2:") ? "sa" : "");
  }

  public static String password() {
    return setting("portal.db.password", "PORTAL_DB_PASSWORD").orElse("");
  }

  static String h2Url(Path dataDir) {
    // WRITE_DELAY=0: a commit is written before the request answers, so it survives kill -9 of the server
    return "jdbc:h2:file:" + dataDir.resolve("portal") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  static Path dataDir() {
    return Path.of(setting("portal.data.dir", "PORTAL_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
  }

  /** The URL without its settings and without credentials, for logs. */
  public static String describe() {
    return jdbcUrl().replaceAll(";.*", "").replaceAll("\\?.*", "");
  }

  static Optional<String> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
