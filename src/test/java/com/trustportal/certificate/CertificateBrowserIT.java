package com.trustportal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.trustportal.Deployments;
import com.trustportal.certificate.credential.CredentialVerifier;
import com.trustportal.certificate.credential.Ed25519PublicKey;
import com.trustportal.certificate.credential.IndependentVerifier;
import com.trustportal.certificate.credential.VerificationReport;
import com.trustportal.web.Accessibility;
import com.trustportal.web.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The certificate as people meet it, in headless Chromium against the running portal: the learner of
 * the IT tenant {@code certify} (who completed the course at start-up, through the same boundaries as
 * any learner) downloads the PDF and the signed credential; the QR code in the PDF leads to the public
 * page showing "Valid"; the tenant admin revokes it and the same page shows "Revoked". Before that, the learner
 * publishes the score on the certificate and withdraws it again (the default publishes neither score nor time).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateBrowserIT {

  private static final String LEARNER = "Zoë Ångström-Ñúñez";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private Browser browser;
  private String certify;

  @BeforeEach
  void open() throws Exception {
    browser = new Browser();
    certify = base.toString() + "t/certify/";
  }

  @AfterEach
  void close() {
    browser.close();
  }

  /** "My certificates" on My learning, read and used the way the learner does. */
  private static final class MyCertificatesPage {
    private final Browser browser;
    private final String code;

    MyCertificatesPage(Browser browser) {
      this.browser = browser;
      this.code = card().findElement(By.className("certificate-code")).getText();
    }

    private WebElement card() {
      return browser.driver().findElement(By.cssSelector("#certificates .certificate-card"));
    }

    String code() {
      return code;
    }

    boolean scoreTicked() {
      return card().findElement(By.cssSelector("input[id$=':score']")).isSelected();
    }

    boolean timeTicked() {
      return card().findElement(By.cssSelector("input[id$=':time']")).isSelected();
    }

    String publicSees() {
      return card().findElement(By.className("public-sees")).getText();
    }

    /** Ticks or unticks the two boxes by clicking their labels, saves, and waits for the confirmation. */
    void choose(boolean score, boolean time) {
      if (scoreTicked() != score) {
        card().findElement(By.cssSelector("label[for$=':score']")).click();
      }
      if (timeTicked() != time) {
        card().findElement(By.cssSelector("label[for$=':time']")).click();
      }
      WebElement save = card().findElement(By.cssSelector("button[id$=':save']"));
      save.click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> card().findElement(By.className("form-messages")).getText().contains("Saved"));
    }
  }

  @Test
  @Order(0)
  void learnerPublishesTheScoreOnlyWhenTheyChooseItAndCanWithdrawIt() throws Exception {
    browser.signIn(certify, "finisher@certify.example", "demo-password");
    MyCertificatesPage mine = new MyCertificatesPage(browser);
    String code = mine.code();
    assertFalse(mine.scoreTicked(), "by default the score is not published");
    assertFalse(mine.timeTicked(), "by default the time spent is not published");
    assertTrue(mine.publicSees().contains("your name") && !mine.publicSees().contains("score"), mine.publicSees());
    Accessibility.assertNoSeriousViolations(browser.driver());

    assertPublishes(code, false);

    mine.choose(true, false);
    assertTrue(mine.publicSees().contains("your score"), mine.publicSees());
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("my-certificate-publishes-score");
    assertPublishes(code, true);
    browser.open(base + "verify/" + code);
    assertTrue(browser.driver().findElement(By.id("score")).getText().endsWith("%"));
    assertTrue(browser.driver().findElements(By.id("time")).isEmpty(), "the time spent was not chosen");
    Accessibility.assertNoSeriousViolations(browser.driver());

    browser.open(certify + "learn/index.xhtml");
    mine = new MyCertificatesPage(browser);
    assertTrue(mine.scoreTicked(), "the choice is kept");
    mine.choose(false, false);
    assertFalse(mine.publicSees().contains("score"), mine.publicSees());
    assertPublishes(code, false);
  }

  /** The public page, the PDF and a freshly downloaded credential state the score only if published; never the time. */
  private void assertPublishes(String code, boolean score) throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "verify/" + code))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals(score, page.body().contains("id=\"score\""), page.body());
    assertFalse(page.body().contains("Time spent"), page.body());
    try (PDDocument document = Loader.loadPDF(get(certify + "learn/certificates/" + code + ".pdf", browser.cookieHeader(), "application/pdf"))) {
      String text = new PDFTextStripper().getText(document);
      assertEquals(score, text.contains("Final assessment"), text);
      assertFalse(text.contains("Time spent"), text);
    }
    String credential = new String(get(base + "verify/" + code + "/credential.json", null, "application/json"),
        StandardCharsets.UTF_8);
    assertEquals(score, credential.contains("#result-score"), credential);
    assertFalse(credential.contains("#result-time-spent"), credential);
    VerificationReport offline = offlineVerifier().verify(credential, Instant.now());
    assertTrue(offline.passed(), offline.toString());
    IndependentVerifier.Verdict independent = independentVerifier(credential);
    assertTrue(independent.valid(), independent.output());
  }

  @Test
  @Order(1)
  void learnerDownloadsPdfAndCredentialQrOpensValidPageThenAdminRevokes() throws Exception {
    browser.signIn(certify, "finisher@certify.example", "demo-password");
    WebElement card = browser.driver().findElement(By.cssSelector("#certificates .certificate-card"));
    assertTrue(card.getText().contains("Valid"), card.getText());
    String code = card.findElement(By.className("certificate-code")).getText();
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("my-learning-certificate");

    byte[] pdf = get(certify + "learn/certificates/" + code + ".pdf", browser.cookieHeader(), "application/pdf");
    String qrUrl;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains(LEARNER), text);
      assertTrue(text.contains("Collaborative Selling"), text);
      assertTrue(text.contains(code), text);
      assertTrue(text.contains("Certify Testing GmbH"), text);
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
      javax.imageio.ImageIO.write(page, "png", java.nio.file.Path.of("target", "screenshots", "certificate.png").toFile());
      // the QR code sits in the bottom-right corner: decode that part only, as a phone camera would frame it
      BufferedImage corner = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
      corner = corner.getSubimage(corner.getWidth() * 3 / 4, corner.getHeight() / 2, corner.getWidth() / 4,
          corner.getHeight() / 2);
      qrUrl = new MultiFormatReader().decode(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(corner))),
          Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    }
    assertTrue(qrUrl.endsWith("/verify/" + code), qrUrl);

    // a third party checks the credential offline with only the issuer's published key and status list
    String credential = new String(get(base + "verify/" + code + "/credential.json", null, "application/json"),
        StandardCharsets.UTF_8);
    VerificationReport offline = offlineVerifier().verify(credential, Instant.now());
    assertTrue(offline.passed(), offline.toString());
    assertTrue(offline.checks().stream().allMatch(c -> c.outcome() == VerificationReport.Outcome.PASS),
        offline.toString());
    // and with Digital Bazaar's verifier (not our code), from the files the portal publishes
    IndependentVerifier.Verdict independent = independentVerifier(credential);
    assertTrue(independent.valid(), independent.output());

    // the verification page's own check of a pasted credential: the real one, a tampered one, junk, too large
    String genuine = postCheck(credential);
    assertTrue(genuine.contains("id=\"status-label\">Valid<"), genuine);
    assertTrue(credential.contains(LEARNER), credential);
    String tampered = postCheck(credential.replace(LEARNER, "Mallory Forger"));
    assertTrue(tampered.contains(">Not valid<") && tampered.contains("signature does not match"), tampered);
    String junk = postCheck("this is not a credential");
    assertTrue(junk.contains(">Not valid<") && junk.contains("not valid JSON"), junk);
    HttpResponse<String> huge = post("json=" + "x".repeat(CredentialVerifier.MAX_BYTES + 10));
    assertEquals(413, huge.statusCode());
    assertTrue(huge.body().contains("larger than"), huge.body());

    // the QR code's URL, on the server under test
    String path = URI.create(qrUrl).getPath();
    browser.open(base + path.substring(1));
    assertEquals("Valid", browser.driver().findElement(By.id("status-label")).getText());
    assertEquals(LEARNER, browser.driver().findElement(By.id("learner")).getText());
    Accessibility.assertNoSeriousViolations(browser.driver());
    browser.screenshot("verification-valid");

    browser.driver().manage().deleteAllCookies();
    browser.signIn(certify, "admin@certify.example", "demo-password");
    browser.open(certify + "admin/certificates.xhtml");
    browser.driver().findElement(By.id("certs:code")).sendKeys(code);
    browser.driver().findElement(By.id("certs:revoke")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("certs:messages"), "revoked"));
    Accessibility.assertNoSeriousViolations(browser.driver());

    browser.open(base + path.substring(1));
    assertEquals("Revoked", browser.driver().findElement(By.id("status-label")).getText());
    assertTrue(browser.driver().findElement(By.id("reason")).getText().length() > 0);
    browser.screenshot("verification-revoked");

    VerificationReport afterRevocation = offlineVerifier().verify(credential, Instant.now());
    assertFalse(afterRevocation.passed(), afterRevocation.toString());
    assertTrue(afterRevocation.checks().stream().anyMatch(c -> c.outcome() == VerificationReport.Outcome.FAIL
        && c.detail().contains("revoked")), afterRevocation.toString());
    IndependentVerifier.Verdict independentAfter = independentVerifier(credential);
    assertEquals(1, independentAfter.exitCode(), independentAfter.output());
    assertTrue(independentAfter.output().contains("revoked: bit"), independentAfter.output());
  }

  /** Digital Bazaar's verifier on the credential, the issuer profile and the status list as published now. */
  private IndependentVerifier.Verdict independentVerifier(String credential) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("independent-verifier");
    java.nio.file.Path credentialFile = java.nio.file.Files.writeString(dir.resolve("credential.json"), credential);
    java.nio.file.Path issuer = java.nio.file.Files.write(dir.resolve("issuer.json"),
        get(base + "issuers/certify", null, "application/json"));
    java.nio.file.Path statusList = java.nio.file.Files.write(dir.resolve("status-list.json"),
        get(base + "issuers/certify/status/revocation", null, "application/json"));
    return IndependentVerifier.verify(credentialFile, issuer, statusList, null);
  }

  /** What a third party does: pin the key published in the issuer profile and read the status list. */
  private CredentialVerifier offlineVerifier() throws Exception {
    JsonObject profile;
    try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(
        get(base + "issuers/certify", null, "application/json")))) {
      profile = reader.readObject();
    }
    Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(
        profile.getJsonArray("verificationMethod").getJsonObject(0).getString("publicKeyMultibase"));
    String statusList = new String(get(base + "issuers/certify/status/revocation", null, "application/json"),
        StandardCharsets.UTF_8);
    return new CredentialVerifier(method -> Optional.of(key), list -> Optional.of(statusList));
  }

  @Test
  @Order(3)
  void oneClientHammeringThePublicPagesIsSlowedDownWithRetryAfter() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    int limited = 0;
    String retryAfter = null;
    // 250 > 2 x the default 120 per minute, so a minute boundary in the middle cannot hide the limit
    for (int i = 0; i < 250; i++) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "verify/"
          + "0000-0000-0000-0000-0000-0000-000" + (i % 10))).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        limited++;
        retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      } else {
        assertEquals(404, response.statusCode());
      }
    }
    assertTrue(limited > 0, "no request was limited");
    assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, "Retry-After: " + retryAfter);
  }

  @Test
  @Order(2)
  void anUnknownCodeIsAPlain404AndThePageCreatesNoSession() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(base + "verify/"
        + "0000-0000-0000-0000-0000-0000-0000")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no certificate with this code"), unknown.body());
    assertTrue(unknown.headers().firstValue("Set-Cookie").isEmpty(), "the public page must not create a session");
  }

  private String postCheck(String json) throws Exception {
    HttpResponse<String> response = post("json=" + java.net.URLEncoder.encode(json, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private HttpResponse<String> post(String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "verify/check"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] get(String url, String cookie, String type) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), () -> url + " with cookies " + (cookie == null ? "none"
        : cookie.replaceAll("=[^;]*", "=…")) + ": " + response.headers().map());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(type),
        response.headers().toString());
    return response.body();
  }
}
