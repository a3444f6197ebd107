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

  /**
   * The portal's public address ({@code PORTAL_PUBLIC_URL}, default {@code http://localhost:8080}): verification links,
   * QR codes and credential ids are built from it, since they must outlive any single request.
   */
  public static String publicUrl() {
    String url = config().getOptionalValue("portal.public.url", String.class).orElse("http://localhost:8080").trim();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A page of a tenant under the public address, for links in e-mails ({@code page} without a leading '/'). */
  public static String tenantUrl(String tenant, String page) {
    return publicUrl() + "/t/" + tenant + "/" + page;
  }

  /** Optional key-encryption key for tenants' signing keys ({@code PORTAL_SIGNING_KEK}, base64 of 32 bytes). */
  public static String signingKek() {
    return config().getOptionalValue("portal.signing.kek", String.class).orElse("");
  }

  /** Public verification requests one client may make per minute ({@code PORTAL_VERIFY_RATE}). */
  public static int verifyRatePerMinute() {
    return config().getOptionalValue("portal.verify.rate", Integer.class).orElse(120);
  }

  /** SMTP server for e-mail ({@code PORTAL_SMTP_HOST}); empty: no e-mail is sent, admins copy invitation links. */
  public static String smtpHost() {
    return config().getOptionalValue("portal.smtp.host", String.class).orElse("").trim();
  }

  public static int smtpPort() {
    return config().getOptionalValue("portal.smtp.port", Integer.class).orElse(25);
  }

  /** SMTP user and password ({@code PORTAL_SMTP_USER}, {@code PORTAL_SMTP_PASSWORD}); empty: no authentication. */
  public static String smtpUser() {
    return config().getOptionalValue("portal.smtp.user", String.class).orElse("");
  }

  public static String smtpPassword() {
    return config().getOptionalValue("portal.smtp.password", String.class).orElse("");
  }

  /** Require STARTTLS ({@code PORTAL_SMTP_STARTTLS}, default false). */
  public static boolean smtpStartTls() {
    return config().getOptionalValue("portal.smtp.starttls", Boolean.class).orElse(false);
  }

  /** Sender address of the portal's e-mail ({@code PORTAL_MAIL_FROM}). */
  public static String mailFrom() {
    return config().getOptionalValue("portal.mail.from", String.class).orElse("training-portal@localhost");
  }

  /**
   * Reminder e-mails ({@code PORTAL_REMINDERS}): {@code on} (default) sends learners' daily reminders and managers'
   * weekly digests from the hourly job; {@code off} stops both.
   */
  public static boolean remindersOn() {
    return !"off".equalsIgnoreCase(config().getOptionalValue("portal.reminders", String.class).orElse("on").trim());
  }

  /** UTC hour from which the day's reminders go out ({@code PORTAL_REMINDERS_HOUR}, 0-23, default 7). */
  public static int remindersHour() {
    int hour = config().getOptionalValue("portal.reminders.hour", Integer.class).orElse(7);
    return Math.max(0, Math.min(23, hour));
  }

  /** Days before a due date that learners are reminded ({@code PORTAL_REMINDERS_DUE_DAYS}, default 3). */
  public static int remindersDueDays() {
    return Math.max(0, config().getOptionalValue("portal.reminders.due.days", Integer.class).orElse(3));
  }

  /** Days before a certificate expires that learners are reminded ({@code PORTAL_REMINDERS_CERTIFICATE_DAYS}, default 30). */
  public static int remindersCertificateDays() {
    return Math.max(0, config().getOptionalValue("portal.reminders.certificate.days", Integer.class).orElse(30));
  }

  /**
   * Seconds a node keeps serving after {@code SIGTERM}, with readiness DOWN, before it stops
   * ({@code PORTAL_DRAIN_SECONDS}, default 10): longer than the load balancer takes to notice.
   */
  public static int drainSeconds() {
    return Math.max(0, config().getOptionalValue("portal.drain.seconds", Integer.class).orElse(10));
  }
}
