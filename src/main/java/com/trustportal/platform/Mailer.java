package com.trustportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends plain-text e-mail through the SMTP server in the settings ({@code PORTAL_SMTP_*}) with Jakarta
 * Mail. Without {@code PORTAL_SMTP_HOST} it is off, and callers fall back to showing links to the admin.
 */
@ApplicationScoped
public class Mailer {

  public boolean enabled() {
    return !Settings.smtpHost().isEmpty();
  }

  public void send(String to, String subject, String text) throws MessagingException {
    if (!enabled()) {
      throw new IllegalStateException("no SMTP server is configured (PORTAL_SMTP_HOST)");
    }
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(Settings.mailFrom()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    Transport.send(message);
  }

  private static Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.host", Settings.smtpHost());
    props.put("mail.smtp.port", Integer.toString(Settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    if (Settings.smtpStartTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    String user = Settings.smtpUser();
    if (user.isEmpty()) {
      return Session.getInstance(props);
    }
    props.put("mail.smtp.auth", "true");
    String password = Settings.smtpPassword();
    return Session.getInstance(props, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user, password);
      }
    });
  }
}
