package com.trustportal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Step;
import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.boundary.Issuers;
import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.credential.BitstringStatusList;
import com.trustportal.certificate.credential.CredentialVerifier;
import com.trustportal.certificate.credential.Ed25519PublicKey;
import com.trustportal.certificate.credential.VerificationReport;
import com.trustportal.certificate.boundary.Recertification;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.certificate.web.PublicViews;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.CourseCompleted;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issuing once, revocation, expiry, recertification and isolation, against the real database. The
 * acme demo tenant offers the course and sets a validity of 24 months.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CertificateIT.class, IsolationProbe.class, CompletionFixture.class, PublicViews.class,
        com.trustportal.assessment.WithoutMinimumTime.class);
  }

  @Inject Catalog catalog;
  @Inject Progress progress;
  @Inject Assessments assessments;
  @Inject Completions completions;
  @Inject Certificates certificates;
  @Inject Issuers issuers;
  @Inject Recertification recertification;
  @Inject TenantProvisioning provisioning;
  @Inject TenantDirectory directory;
  @Inject IsolationProbe probe;
  @Inject CompletionFixture fixture;
  @Resource ManagedExecutorService executor;

  private final String tenant = "acme";
  private Course course;
  private String learner;
  private SignedInUser admin;

  @BeforeEach
  void aNewLearnerOfAcme() {
    course = com.trustportal.assessment.WithoutMinimumTime.of(catalog.course(tenant, "collaborative-selling").orElseThrow());
    learner = as(() -> probe.create("rep-" + UUID.randomUUID() + "@acme.example", "Zoë Ångström"));
    admin = new SignedInUser(tenant, "admin-test", "admin@acme.example", "Alex Admin", Role.ADMIN);
  }

  @Test
  void completingTheCourseIssuesOneCertificateWithWhatTheLearnerAchieved() {
    doAllSteps();
    passTheAssessment();

    List<Certificate> issued = as(() -> certificates.ofLearner(learner));
    assertEquals(1, issued.size());
    Certificate c = issued.get(0);
    assertEquals("Zoë Ångström", c.learnerName());
    assertEquals(course.title(), c.courseTitle());
    assertEquals(course.version(), c.courseVersion());
    assertEquals(100, c.scorePercent());
    assertEquals(c.completedAt().atZone(ZoneOffset.UTC).plusMonths(24).toInstant(), c.expiresAt());
    assertEquals(CertificateStatus.VALID, certificates.status(c));
    assertTrue(c.credential().contains("\"OpenBadgeCredential\""), c.credential());
    assertEquals(Optional.of(tenant), certificates.issuingTenant(c.code()));
  }

  @Test
  void aCompletionEventDeliveredEightTimesAtOnceIssuesOneCertificate() throws Exception {
    CourseCompleted event = as(() -> fixture.completedAt(learner, course, 1, Instant.now()));
    List<Future<Optional<Certificate>>> racing = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racing.add(executor.submit(() -> as(() -> certificates.issueFor(event))));
    }
    List<String> codes = new ArrayList<>();
    for (Future<Optional<Certificate>> result : racing) {
      codes.add(result.get().orElseThrow().code().value());
    }
    assertEquals(1, codes.stream().distinct().count(), codes.toString());
    assertEquals(1, as(() -> certificates.ofLearner(learner)).size());
  }

  @Test
  void revokingShowsEverywhereAndCannotBeDoneTwice() {
    Certificate c = issuedAt(Instant.now());

    as(() -> certificates.revoke(admin, c.code(), RevocationReason.ACADEMIC_MISCONDUCT));

    Certificate reread = as(() -> certificates.byCode(c.code())).orElseThrow();
    assertEquals(CertificateStatus.REVOKED, certificates.status(reread));
    assertEquals(RevocationReason.ACADEMIC_MISCONDUCT, reread.revocationReason());
    assertTrue(as(() -> certificates.revoked()).stream().anyMatch(r -> r.code().equals(c.code())));
    assertTrue(as(() -> certificates.ofLearner(learner)).stream().allMatch(r -> r.revokedAt() != null));
    Exception again = assertThrows(Exception.class,
        () -> as(() -> certificates.revoke(admin, c.code(), RevocationReason.OTHER)));
    assertTrue(rootMessage(again).contains("already revoked"), rootMessage(again));
  }

  @Test
  void eachCertificateOwnsAStatusBitThatRevocationSetsInTheSignedStatusList() {
    Certificate kept = issuedAt(Instant.now());
    String otherLearner = as(() -> probe.create("rep-" + UUID.randomUUID() + "@acme.example", "Other Learner"));
    Certificate revoked = as(() -> certificates.issueFor(as(() -> fixture.completedAt(otherLearner, course, 1,
        Instant.now())))).orElseThrow();
    int keptBit = kept.statusIndex().orElseThrow();
    int revokedBit = revoked.statusIndex().orElseThrow();
    assertNotEquals(keptBit, revokedBit);
    Ed25519PublicKey key = issuers.publicKey(tenant).orElseThrow();
    CredentialVerifier verifier = new CredentialVerifier(method -> Optional.of(key), url -> issuers.statusList(tenant));
    assertTrue(verifier.verify(revoked.credential(), Instant.now()).passed());

    as(() -> certificates.revoke(admin, revoked.code(), RevocationReason.ISSUED_IN_ERROR));

    JsonObject list = Json.createReader(new StringReader(issuers.statusList(tenant).orElseThrow())).readObject();
    assertEquals(CredentialIssuer.statusListId(tenant), list.getString("id"));
    BitstringStatusList bits = BitstringStatusList.decode(list.getJsonObject("credentialSubject").getString("encodedList"));
    assertTrue(bits.isSet(revokedBit));
    assertFalse(bits.isSet(keptBit));
    VerificationReport afterRevocation = verifier.verify(revoked.credential(), Instant.now());
    assertEquals(VerificationReport.Outcome.FAIL, afterRevocation.check("status").orElseThrow().outcome(),
        afterRevocation::toString);
    assertTrue(verifier.verify(kept.credential(), Instant.now()).passed());
  }

  @Test
  void certificatesIssuedAtOnceForDifferentCompletionsGetDifferentStatusBits() throws Exception {
    List<Future<Optional<Certificate>>> racing = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String someone = as(() -> probe.create("rep-" + UUID.randomUUID() + "@acme.example", "Racer"));
      CourseCompleted event = as(() -> fixture.completedAt(someone, course, 1, Instant.now()));
      racing.add(executor.submit(() -> as(() -> certificates.issueFor(event))));
    }
    List<Integer> bits = new ArrayList<>();
    for (Future<Optional<Certificate>> result : racing) {
      bits.add(result.get().orElseThrow().statusIndex().orElseThrow());
    }
    assertEquals(6, bits.stream().distinct().count(), bits.toString());
    // none of them needs re-signing: only credentials from before the status list do
    assertEquals(0, (int) as(() -> recertification.resignLegacyCredentials()));
  }

  @Test
  void aCredentialIssuedBeforeTheStatusListIsResignedWithItsBitAndThenVerifies() {
    as(() -> {
      certificates.ensureSigningKey();
      return null;
    });
    // a bit far above what this test run hands out, as the V10 migration would have given it
    Certificate legacy = as(() -> fixture.legacyCertificate(learner, course, 100_000 + new java.util.Random().nextInt(30_000)));
    Ed25519PublicKey key = issuers.publicKey(tenant).orElseThrow();
    CredentialVerifier verifier = new CredentialVerifier(method -> Optional.of(key), url -> issuers.statusList(tenant));
    assertFalse(verifier.verify(legacy.credential(), Instant.now()).passed());

    assertTrue(as(() -> recertification.resignLegacyCredentials()) >= 1);

    Certificate resigned = as(() -> certificates.byCode(legacy.code())).orElseThrow();
    assertTrue(resigned.credential().contains("\"statusListIndex\":\"" + legacy.statusIndex().getAsInt() + "\""),
        resigned.credential());
    VerificationReport report = verifier.verify(resigned.credential(), Instant.now());
    assertTrue(report.passed(), report::toString);
    assertEquals(VerificationReport.Outcome.PASS, report.check("status").orElseThrow().outcome(), report::toString);
    assertEquals(0, (int) as(() -> recertification.resignLegacyCredentials()));
  }

  @Test
  void aLearnerOrManagerCannotRevoke() {
    Certificate c = issuedAt(Instant.now());
    SignedInUser learnerUser = new SignedInUser(tenant, learner, "rep@acme.example", "Rep", Role.LEARNER);
    SignedInUser manager = new SignedInUser(tenant, "m", "manager@acme.example", "M", Role.MANAGER);

    assertThrows(Exception.class, () -> as(() -> certificates.revoke(learnerUser, c.code(), RevocationReason.OTHER)));
    assertThrows(Exception.class, () -> as(() -> certificates.revoke(manager, c.code(), RevocationReason.OTHER)));
    assertEquals(CertificateStatus.VALID, certificates.status(as(() -> certificates.byCode(c.code())).orElseThrow()));
  }

  @Test
  void aCertificateCompletedMoreThanItsValidityAgoIsExpired() {
    Certificate c = issuedAt(Instant.now().minus(25 * 31, ChronoUnit.DAYS));

    assertEquals(CertificateStatus.EXPIRED, certificates.status(c));
    assertTrue(c.expiresAt().isBefore(Instant.now()));
  }

  @Test
  void aCertificateAboutToExpireReEnrolsTheLearnerAndTheRecompletionIssuesASecondCertificate() {
    doAllSteps();
    // completed 24 months minus 10 days ago: expires in 10 days, inside acme's 30-day recertification window
    Instant longAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(24).plusDays(10).toInstant();
    Certificate first = issuedAt(longAgo);
    assertEquals(1, as(() -> certificates.ofLearner(learner)).size());

    TenantConfig acme = directory.bySlug(tenant).orElseThrow();
    int opened = as(() -> recertification.reenrolExpiring(acme));
    assertTrue(opened >= 1, "the expiring certificate must open a recertification round");
    assertEquals(2, as(() -> completions.round(learner, course.id())).orElseThrow().number());
    // the database keeps microseconds
    assertEquals(first.expiresAt().truncatedTo(ChronoUnit.MILLIS),
        as(() -> completions.round(learner, course.id())).orElseThrow().dueAt().truncatedTo(ChronoUnit.MILLIS));
    assertTrue(as(() -> completions.find(learner, course)).isEmpty(), "round 2 starts uncompleted");
    as(() -> recertification.reenrolExpiring(acme));
    assertEquals(2, as(() -> completions.round(learner, course.id())).orElseThrow().number(),
        "a second run must not re-enrol the same learner again");

    passTheAssessment();

    List<Certificate> history = as(() -> certificates.ofLearner(learner));
    assertEquals(2, history.size(), "the first certificate is kept and a new one issued");
    Certificate renewed = history.get(0);
    assertNotEquals(first.code(), renewed.code());
    assertTrue(renewed.expiresAt().isAfter(first.expiresAt()));
    assertEquals(2, as(() -> completions.find(learner, course)).orElseThrow().round());
  }

  @Test
  void anotherTenantsAdminCanNeitherSeeNorRevokeTheCertificate() {
    Certificate c = issuedAt(Instant.now());
    TenantConfig other = IsolationProbe.tenant("cert-other");
    TenantContext.runAs(other.slug(), () -> provisioning.apply(other));
    SignedInUser otherAdmin = new SignedInUser(other.slug(), "x", "admin@other.example", "Other Admin", Role.ADMIN);

    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> certificates.all(otherAdmin)).isEmpty());
    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> certificates.byCode(c.code())).isEmpty());
    assertThrows(Exception.class, () -> TenantContext.callAsUnchecked(other.slug(),
        () -> certificates.revoke(otherAdmin, c.code(), RevocationReason.OTHER)));
    // acme's admin signed-in user used inside the other tenant is refused too
    assertThrows(Exception.class, () -> TenantContext.callAsUnchecked(other.slug(), () -> certificates.all(admin)));
    assertEquals(CertificateStatus.VALID, certificates.status(as(() -> certificates.byCode(c.code())).orElseThrow()));
  }

  @Test
  void byDefaultNeitherScoreNorTimeIsPublicAndTheHolderPublishesTheScoreAloneThenWithdrawsIt() throws Exception {
    Certificate issued = issuedAt(Instant.now()); // 90 %, one hour
    TenantConfig acme = directory.bySlug(tenant).orElseThrow();
    Ed25519PublicKey key = issuers.publicKey(tenant).orElseThrow();
    CredentialVerifier verifier = new CredentialVerifier(method -> Optional.of(key), url -> issuers.statusList(tenant));
    String statusListBefore = issuers.statusList(tenant).orElseThrow();
    assertStatesNeitherScoreNorTime(issued, acme, verifier);

    SignedInUser holder = new SignedInUser(tenant, learner, "rep@acme.example", "Zoë Ångström", Role.LEARNER);
    as(() -> certificates.choosePublication(holder, issued.code(), true, false));

    Certificate scored = as(() -> certificates.byCode(issued.code())).orElseThrow();
    String page = PublicViews.verificationPage(scored, acme, Instant.now());
    assertTrue(page.contains("<dd id=\"score\">90 %</dd>"), page);
    assertFalse(page.contains("id=\"time\"") || page.contains("Time spent"), page);
    String pdf = PublicViews.pdfText(scored, acme);
    assertTrue(pdf.contains("Final assessment: 90%"), pdf);
    assertFalse(pdf.contains("Time spent"), pdf);
    assertTrue(scored.credential().contains("#result-score\"") && scored.credential().contains("\"value\":\"90\""),
        scored.credential());
    assertFalse(scored.credential().contains("#result-time-spent") || scored.credential().contains("PT1H"),
        scored.credential());
    VerificationReport report = verifier.verify(scored.credential(), Instant.now());
    assertTrue(report.passed(), report::toString);
    assertEquals(issued.statusIndex(), scored.statusIndex(), "the certificate keeps its status list bit");
    assertTrue(scored.credential().contains("\"statusListIndex\":\"" + issued.statusIndex().getAsInt() + "\""));
    assertEquals(statusListBefore, issuers.statusList(tenant).orElseThrow(), "the status list is untouched");

    as(() -> certificates.choosePublication(holder, issued.code(), false, false));

    assertStatesNeitherScoreNorTime(as(() -> certificates.byCode(issued.code())).orElseThrow(), acme, verifier);
    assertEquals(statusListBefore, issuers.statusList(tenant).orElseThrow(), "the status list is untouched");
  }

  private static void assertStatesNeitherScoreNorTime(Certificate c, TenantConfig acme, CredentialVerifier verifier)
      throws Exception {
    String page = PublicViews.verificationPage(c, acme, Instant.now());
    assertTrue(page.contains("<dd id=\"learner\">Zoë Ångström</dd>") && page.contains("<dd id=\"course\">") && page.contains("id=\"status-label\">Valid<"),
        page);
    assertFalse(page.contains("id=\"score\"") || page.contains("Final assessment") || page.contains("90 %"), page);
    assertFalse(page.contains("id=\"time\"") || page.contains("Time spent"), page);
    String pdf = PublicViews.pdfText(c, acme);
    assertTrue(pdf.contains(c.code().formatted()), pdf);
    assertFalse(pdf.contains("Final assessment") || pdf.contains("90%"), pdf);
    assertFalse(pdf.contains("Time spent"), pdf);
    JsonObject subject = Json.createReader(new StringReader(c.credential())).readObject().getJsonObject("credentialSubject");
    assertFalse(subject.containsKey("result"), c.credential());
    assertFalse(c.credential().contains("#result-score") || c.credential().contains("#result-time-spent"), c.credential());
    VerificationReport report = verifier.verify(c.credential(), Instant.now());
    assertTrue(report.passed(), report::toString);
  }

  @Test
  void onlyTheHolderChoosesWhatTheCertificatePublishes() {
    Certificate c = issuedAt(Instant.now());
    String otherLearner = as(() -> probe.create("rep-" + UUID.randomUUID() + "@acme.example", "Other Learner"));
    SignedInUser colleague = new SignedInUser(tenant, otherLearner, "colleague@acme.example", "Colleague", Role.LEARNER);
    TenantConfig other = IsolationProbe.tenant("cert-other");
    TenantContext.runAs(other.slug(), () -> provisioning.apply(other));
    String stranger = TenantContext.callAsUnchecked(other.slug(),
        () -> probe.create("rep-" + UUID.randomUUID() + "@other.example", "Stranger"));
    SignedInUser otherTenantsLearner = new SignedInUser(other.slug(), stranger, "s@other.example", "Stranger", Role.LEARNER);
    // even with the holder's account id, a sign-in of another organisation is not the holder
    SignedInUser otherTenantSameId = new SignedInUser(other.slug(), learner, "s@other.example", "Stranger", Role.LEARNER);

    Exception byColleague = assertThrows(Exception.class,
        () -> as(() -> certificates.choosePublication(colleague, c.code(), true, true)));
    assertTrue(rootMessage(byColleague).contains("no certificate"), rootMessage(byColleague));
    Exception byAdmin = assertThrows(Exception.class,
        () -> as(() -> certificates.choosePublication(admin, c.code(), true, true)));
    assertTrue(rootMessage(byAdmin).contains("no certificate"), rootMessage(byAdmin));
    assertThrows(Exception.class, () -> TenantContext.callAsUnchecked(other.slug(),
        () -> certificates.choosePublication(otherTenantsLearner, c.code(), true, true)));
    assertThrows(Exception.class, () -> TenantContext.callAsUnchecked(other.slug(),
        () -> certificates.choosePublication(otherTenantSameId, c.code(), true, true)));
    assertThrows(Exception.class, () -> as(() -> certificates.choosePublication(otherTenantsLearner, c.code(), true, true)));
    assertThrows(Exception.class, () -> as(() -> certificates.choosePublication(otherTenantSameId, c.code(), true, true)));

    Certificate unchanged = as(() -> certificates.byCode(c.code())).orElseThrow();
    assertFalse(unchanged.showsScore() || unchanged.showsTimeSpent());
    assertEquals(c.credential(), unchanged.credential(), "nobody but the holder re-signed it");
  }

  @Test
  void aCredentialSignedBeforeThePublicationChoiceIsResignedWithoutScoreAndTime() {
    as(() -> {
      certificates.ensureSigningKey();
      return null;
    });
    // a bit inside the list's first 131,072, above what this run hands out and the legacy test's range
    Certificate earlier = as(() -> fixture.signedBeforeThePublicationChoice(learner, course,
        130_000 + new java.util.Random().nextInt(1_000)));
    assertTrue(earlier.credential().contains("#result-score") && earlier.credential().contains("#result-time-spent"));

    assertTrue(as(() -> recertification.resignUnchosenResults()) >= 1);

    Certificate resigned = as(() -> certificates.byCode(earlier.code())).orElseThrow();
    assertFalse(resigned.credential().contains("#result-score") || resigned.credential().contains("#result-time-spent"),
        resigned.credential());
    Ed25519PublicKey key = issuers.publicKey(tenant).orElseThrow();
    CredentialVerifier verifier = new CredentialVerifier(method -> Optional.of(key), url -> issuers.statusList(tenant));
    VerificationReport report = verifier.verify(resigned.credential(), Instant.now());
    assertTrue(report.passed(), report::toString);
    assertEquals(0, (int) as(() -> recertification.resignUnchosenResults()));
  }

  private Certificate issuedAt(Instant completedAt) {
    CourseCompleted event = as(() -> fixture.completedAt(learner, course, 1, completedAt));
    return as(() -> certificates.issueFor(event)).orElseThrow();
  }

  private void doAllSteps() {
    for (Step step : course.steps()) {
      as(() -> progress.record(learner, course, step.id(), StepAnswer.read()));
    }
  }

  private void passTheAssessment() {
    AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
    Map<String, Integer> answers = new HashMap<>();
    for (Question q : attempt.questions(course.assessment())) {
      answers.put(q.id(), q.correctChoice());
    }
    as(() -> assessments.submit(learner, attempt.id(), course, answers));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
