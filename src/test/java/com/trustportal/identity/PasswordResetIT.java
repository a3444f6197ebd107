package com.trustportal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.trustportal.Deployments;
import com.trustportal.identity.boundary.PasswordResetRefused;
import com.trustportal.identity.boundary.PasswordResets;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.web.PortalHttp;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Self-service password reset (issue 14) against a real SMTP server (GreenMail) in the IT tenant {@code reset}: over
 * HTTP as a visitor meets it, and in the container where a test needs a state it cannot wait for (an expired link,
 * an account deactivated after the mail). Each test uses its own account.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordResetIT {

  private static final String ANSWER = "If an account with that address exists here, we have sent a link to it.";
  private static final String REFUSED = "This link has expired or was used already";
  private static final Pattern LINK = Pattern.compile("\\S+/t/reset/reset\\.xhtml\\?token=([A-Za-z0-9_-]{43})");

  @Deployment
  static WebArchive deployment() {
    // GreenMail runs in the JVM of each test: the client's for @RunAsClient tests, the portal's for the others
    return Deployments.portal(PasswordResetIT.class, PasswordResetFixture.class, PortalHttp.class)
        .addAsLibraries(jarOf(GreenMail.class), jarOf(org.slf4j.LoggerFactory.class));
  }

  @ArquillianResource URL base;

  @Inject PasswordResets resets;
  @Inject PasswordResetFixture fixture;

  private GreenMail smtp;

  /**
   * Starts the SMTP server the portal sends to (PORTAL_SMTP_PORT, set for both JVMs by failsafe), in the JVM the test
   * runs in. Failsafe's JVM is the one with the {@code it.smtpPort} property; the two never bind the port together.
   */
  @BeforeEach
  void startSmtp(TestInfo test) {
    boolean clientJvm = System.getProperty("it.smtpPort") != null;
    boolean clientTest = test.getTestMethod().orElseThrow().isAnnotationPresent(RunAsClient.class);
    if (clientJvm == clientTest) {
      smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("PORTAL_SMTP_PORT")), "127.0.0.1",
          ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private String tenant() {
    return base + "t/reset/";
  }

  @Test
  @RunAsClient
  void theLinkSetsANewPasswordOnceAndEndsTheSessionThatWasOpen() throws Exception {
    String email = "lee@reset.example";
    HttpClient open = PortalHttp.signedIn(tenant(), email);
    assertEquals(200, PortalHttp.get(open, tenant() + "learn/index.xhtml").statusCode());
    assertTrue(PortalHttp.get(PortalHttp.client(), tenant() + "login.xhtml").body().contains("forgot.xhtml"),
        "the sign-in page links to the reset");

    assertEquals(ANSWER, notice(ask(email)).substring(0, ANSWER.length()));

    List<MimeMessage> mails = mailsTo(email, 1);
    assertEquals(1, mails.size());
    String body = GreenMailUtil.getBody(mails.get(0));
    assertTrue(body.contains("Reset Testing GmbH") && body.contains("Lee Linkuser"), body);
    String token = token(body);
    String page = PortalHttp.get(PortalHttp.client(), link("reset", token)).body();
    assertTrue(page.contains(email) && page.contains("Set new password"), page);

    HttpClient visitor = PortalHttp.client();
    HttpResponse<String> tooShort = choose(visitor, token, "short", "short");
    assertTrue(tooShort.body().contains("Choose a password of at least 12 characters."), tooShort.body());
    HttpResponse<String> reset = choose(visitor, token, "a-new-reset-password", "a-new-reset-password");

    assertEquals(302, reset.statusCode(), reset.body());
    assertTrue(reset.headers().firstValue("Location").orElse("").contains("/t/reset/login.xhtml?reset=true"));
    HttpResponse<String> ended = PortalHttp.get(open, tenant() + "learn/index.xhtml");
    assertEquals(302, ended.statusCode(), "the session signed in before the reset has ended");
    assertTrue(ended.headers().firstValue("Location").orElse("").contains("/t/reset/login.xhtml"));
    assertEquals(200, PortalHttp.get(PortalHttp.signedIn(tenant(), email, "a-new-reset-password"),
        tenant() + "learn/index.xhtml").statusCode(), "the new password signs in");
    assertEquals(200, signIn(email, "demo-password").statusCode(), "the old one does not (the form answers again)");
    String again = PortalHttp.get(PortalHttp.client(), link("reset", token)).body();
    assertTrue(again.contains(REFUSED) && !again.contains(email), "a used link: " + again);
    assertTrue(again.contains("forgot.xhtml"), "the refusal links to a new request");
  }

  @Test
  @RunAsClient
  void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@reset.example";

    String unknown = notice(ask(nobody));
    String known = notice(ask("kim@reset.example"));

    assertEquals(known, unknown, "the page says the same for an address without an account");
    assertEquals(1, mailsTo("kim@reset.example", 1).size());
    assertEquals(0, mailsTo(nobody, 2).size());
    assertEquals(1, smtp.getReceivedMessages().length, "one mail in all");
  }

  @Test
  @RunAsClient
  void aLinkOfOneTenantIsRefusedUnderAnotherThatHasTheSameAddress() throws Exception {
    String email = "twin@reset.example";
    ask(email);
    String token = token(GreenMailUtil.getBody(mailsTo(email, 1).get(0)));

    String elsewhere = PortalHttp.get(PortalHttp.client(), link("resettwin", token)).body();

    assertTrue(elsewhere.contains(REFUSED), elsewhere);
    assertFalse(elsewhere.contains(email) || elsewhere.contains("Set new password"), "nothing about the account");
    assertEquals(302, signIn("resettwin", email, "demo-password").statusCode(), "the twin's password is unchanged");
    assertTrue(PortalHttp.get(PortalHttp.client(), link("reset", token)).body().contains("Set new password"),
        "and the link still works in its own tenant");
  }

  @Test
  @RunAsClient
  void theFourthRequestWithinTheHourSendsNoMailButAnswersTheSame() throws Exception {
    String email = "flood@reset.example";
    String first = notice(ask(email));
    for (int i = 2; i <= 4; i++) {
      assertEquals(first, notice(ask(email)), "answer " + i);
    }

    assertEquals(3, mailsTo(email, 4).size());
  }

  /** In the container: a link issued more than an hour ago shows nothing and sets nothing. */
  @Test
  void anExpiredLinkIsRefused() throws Exception {
    String email = "expired@reset.example";
    String token = as(() -> fixture.linkIssued(email, Duration.ofMinutes(61)));
    long version = as(() -> fixture.securityVersion(email));

    assertTrue(as(() -> resets.openFor(token)).isEmpty());
    PasswordResetRefused refused = assertThrows(PasswordResetRefused.class,
        () -> as(() -> resets.reset(token, "an-expired-password", "an-expired-password", "192.0.2.1")));
    assertEquals(PasswordResetRefused.Reason.LINK_INVALID, refused.reason());
    assertEquals(version, as(() -> fixture.securityVersion(email)), "no session of the account ended");
    assertTrue(as(() -> resets.openFor(fixture.linkIssued(email, Duration.ofMinutes(59)))).isPresent(),
        "a link of 59 minutes still works");
  }

  /** In the container: the boundary itself finds a link only in its own tenant, even for the same address. */
  @Test
  void aLinkOfOneTenantCannotResetTheSameAddressInAnother() throws Exception {
    String email = "twin@reset.example";
    as(() -> {
      resets.request(email, "192.0.2.3");
      return null;
    });
    String token = token(GreenMailUtil.getBody(mailsTo(email, 1).get(0)));

    assertTrue(TenantContext.callAs("resettwin", () -> resets.openFor(token)).isEmpty());
    PasswordResetRefused refused = assertThrows(PasswordResetRefused.class, () -> TenantContext.callAs("resettwin",
        () -> resets.reset(token, "a-twin-tenant-password", "a-twin-tenant-password", "192.0.2.3")));
    assertEquals(PasswordResetRefused.Reason.LINK_INVALID, refused.reason());
    assertTrue(as(() -> resets.openFor(token)).isPresent(), "the link is untouched in its own tenant");
  }

  /** In the container: a deactivated account gets no mail, and a link mailed before it was deactivated is refused. */
  @Test
  void aDeactivatedAccountGetsNoMailAndItsEarlierLinkIsRefused() throws Exception {
    String email = "gone@reset.example";
    as(() -> {
      resets.request(email, "192.0.2.2");
      return null;
    });
    String token = token(GreenMailUtil.getBody(mailsTo(email, 1).get(0)));
    assertTrue(as(() -> resets.openFor(token)).isPresent());

    as(() -> {
      fixture.deactivate(email);
      return null;
    });

    assertTrue(as(() -> resets.openFor(token)).isEmpty());
    PasswordResetRefused refused = assertThrows(PasswordResetRefused.class,
        () -> as(() -> resets.reset(token, "a-deactivated-password", "a-deactivated-password", "192.0.2.2")));
    assertEquals(PasswordResetRefused.Reason.LINK_INVALID, refused.reason());
    as(() -> {
      resets.request(email, "192.0.2.2");
      return null;
    });
    assertEquals(1, mailsTo(email, 2).size(), "no mail after the deactivation");
  }

  // --- helpers

  /** Asks for a link on the forgot page; the page's answer. */
  private String ask(String email) throws Exception {
    HttpClient http = PortalHttp.client();
    String page = PortalHttp.get(http, tenant() + "forgot.xhtml").body();
    HttpResponse<String> answer = PortalHttp.post(http, tenant() + "forgot.xhtml", Map.of("forgot", "forgot", "email",
        email, "send", "", "jakarta.faces.ViewState", PortalHttp.viewState(page)));
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  /** The answer's notice (the page around it carries a fresh view state and nonce). */
  private static String notice(String page) {
    Matcher m = Pattern.compile("<p class=\"notice\" role=\"status\" id=\"asked\">([^<]*)</p>").matcher(page);
    assertTrue(m.find(), "the page answers with its notice: " + page);
    return m.group(1).strip().replaceAll("\\s+", " ");
  }

  private HttpResponse<String> choose(HttpClient http, String token, String password, String repeated) throws Exception {
    String page = PortalHttp.get(http, link("reset", token)).body();
    return PortalHttp.post(http, link("reset", token), Map.of("reset", "reset", "token", token, "password", password,
        "repeated", repeated, "reset-submit", "", "jakarta.faces.ViewState", PortalHttp.viewState(page)));
  }

  private String link(String tenant, String token) {
    return base + "t/" + tenant + "/reset.xhtml?token=" + token;
  }

  private HttpResponse<String> signIn(String email, String password) throws Exception {
    return signIn("reset", email, password);
  }

  private HttpResponse<String> signIn(String tenant, String email, String password) throws Exception {
    HttpClient http = PortalHttp.client();
    String login = base + "t/" + tenant + "/login.xhtml";
    String page = PortalHttp.get(http, login).body();
    return PortalHttp.post(http, login, Map.of("login", "login", "email", email, "password", password, "submit", "",
        "jakarta.faces.ViewState", PortalHttp.viewState(page)));
  }

  private static String token(String body) {
    Matcher m = LINK.matcher(body);
    assertTrue(m.find(), "the mail has the link: " + body);
    return m.group(1);
  }

  /**
   * The mails to {@code email}, after waiting until {@code expected} mails in all have arrived or 5 seconds passed
   * (the portal mails in the background; waiting for one more than expected is how "no further mail" is seen).
   */
  private List<MimeMessage> mailsTo(String email, int expected) {
    smtp.waitForIncomingEmail(5000, expected);
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(email)).toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return GreenMailUtil.getAddressList(message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T as(java.util.concurrent.Callable<T> work) throws Exception {
    return TenantContext.callAs("reset", work);
  }
}
