package com.trustportal.identity.boundary;

import com.trustportal.identity.entity.PasswordReset;
import com.trustportal.identity.entity.PasswordResetRequested;
import com.trustportal.platform.Mailer;
import com.trustportal.platform.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.logging.Logger;

/**
 * E-mails a reset link once its row has committed, in the background: the page answers before the mail server is
 * asked, so its time never tells whether a mail was sent. A failed send is logged (without the link); the person asks
 * again.
 */
@ApplicationScoped
public class PasswordResetMail {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject Mailer mailer;
  @Resource ManagedExecutorService executor;

  public void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordResetRequested requested) {
    executor.submit(() -> send(requested));
  }

  private void send(PasswordResetRequested requested) {
    try {
      mailer.send(requested.email(), "Reset your password for " + requested.tenantName() + " sales training",
          "Hello " + requested.name() + ",\n\n"
              + "someone (we hope you) asked to reset your password for " + requested.tenantName()
              + " sales training. Choose a new one here\n"
              + "(the link works once, for " + PasswordReset.VALID_FOR.toMinutes() + " minutes):\n\n"
              + link(requested.tenant(), requested.token()) + "\n\n"
              + "Setting a new password signs you out everywhere. If you did not ask for this, ignore this mail:\n"
              + "your password stays as it is.\n");
      LOG.info(() -> "Tenant " + requested.tenant() + ": password reset link e-mailed to " + requested.email());
    } catch (MessagingException | RuntimeException e) {
      LOG.warning(() -> "Tenant " + requested.tenant() + ": password reset e-mail to " + requested.email() + " failed: "
          + e);
    }
  }

  /** The link in the mail: the tenant's reset page under the portal's public URL. */
  public static String link(String tenant, String token) {
    return Settings.tenantUrl(tenant, "reset.xhtml?token=" + token);
  }
}
