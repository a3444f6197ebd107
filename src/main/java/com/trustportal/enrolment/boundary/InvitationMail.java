package com.trustportal.enrolment.boundary;

import com.trustportal.enrolment.entity.LearnersInvited;
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
 * E-mails new learners their invitation link once the import has committed, in the background so an
 * import of 200 reps does not wait for the mail server. A failed send is logged with the address; the
 * admin still has the links on screen.
 */
@ApplicationScoped
public class InvitationMail {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject Mailer mailer;
  @Resource ManagedExecutorService executor;

  public void onInvited(@Observes(during = TransactionPhase.AFTER_SUCCESS) LearnersInvited invited) {
    if (!mailer.enabled() || invited.invitees().isEmpty()) {
      return;
    }
    executor.submit(() -> invited.invitees().forEach(invitee -> send(invited, invitee)));
  }

  private void send(LearnersInvited invited, LearnersInvited.Invitee invitee) {
    String link = link(invited.tenant(), invitee.token());
    try {
      mailer.send(invitee.email(), "Your access to " + invited.tenantName() + " sales training",
          "Hello " + invitee.name() + ",\n\n"
              + invited.tenantName() + " has enrolled you in its sales training. Choose your password here\n"
              + "(the link works once, for 7 days):\n\n" + link + "\n\n"
              + "Then sign in with this e-mail address and your password.\n");
      LOG.info(() -> "Tenant " + invited.tenant() + ": invitation e-mailed to " + invitee.email());
    } catch (MessagingException | RuntimeException e) {
      LOG.warning(() -> "Tenant " + invited.tenant() + ": invitation e-mail to " + invitee.email() + " failed: " + e);
    }
  }

  /** The link a new learner opens: the tenant's address under the portal's public URL. */
  public static String link(String tenant, String token) {
    return Settings.tenantUrl(tenant, "invite.xhtml?token=" + token);
  }
}
