package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.certificate.credential.IndependentVerifier.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The portal's credentials checked by a verifier that is not our code: Digital Bazaar's Data Integrity libraries
 * in JSON-LD safe mode, run with Node on the files a third party downloads (credential, issuer profile, status list
 * credential). Genuine credentials pass it; every tampered one fails it, and the portal's own strict verifier agrees
 * on each case.
 */
class IndependentVerifierTest {

    private static final Ed25519Key KEY = CredentialVerifierTest.KEY;
    private static final String ISSUER = CredentialVerifierTest.ISSUER;
    private static final String METHOD = CredentialVerifierTest.VERIFICATION_METHOD;
    private static final int INDEX = CredentialVerifierTest.STATUS_INDEX;
    private static final Instant NOW = CredentialVerifierTest.NOW;

    @TempDir
    Path dir;

    /** One case: the three published files as a third party has them, and whether the credential must pass. */
    record Case(String credential, String issuer, String statusList, boolean valid, String independentReason,
            String ownCheck) {
    }

    private static CredentialData learner(String name) {
        CredentialData d = CredentialVerifierTest.DATA;
        return new CredentialData(d.credentialId(), d.issuerId(), d.issuerName(), d.achievementId(), d.achievementName(),
                d.achievementDescription(), d.criteriaNarrative(), d.courseVersion(), name, d.scorePercent(), d.secondsSpent(),
                d.validFrom(), d.validUntil(), d.status());
    }

    /** The credential as issued when the learner publishes the score, the time spent, both or neither. */
    private static String published(Integer score, Long seconds) {
        CredentialData d = CredentialVerifierTest.DATA;
        return OpenBadgeCredential.sign(new CredentialData(d.credentialId(), d.issuerId(), d.issuerName(), d.achievementId(),
                d.achievementName(), d.achievementDescription(), d.criteriaNarrative(), d.courseVersion(), d.learnerName(),
                score, seconds, d.validFrom(), d.validUntil(), d.status()), KEY, METHOD, CredentialVerifierTest.ISSUED);
    }

    private static String credential(String name) {
        return OpenBadgeCredential.sign(learner(name), KEY, METHOD, CredentialVerifierTest.ISSUED);
    }

    private static final String GENUINE = credential("Jane Q. Learner");
    private static final String PROFILE = IssuerProfile.of(ISSUER, "Acme Training", KEY.publicKey()).toString();
    /** The bits either side of the credential's are set: a verifier reading the wrong bit would call it revoked. */
    private static final String LIST = CredentialVerifierTest.statusList(INDEX - 1, INDEX + 1);
    private static final String REVOKED_LIST = CredentialVerifierTest.statusList(INDEX);

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String edit(String json, UnaryOperator<JsonObjectBuilder> change) {
        return change.apply(Json.createObjectBuilder(parse(json))).build().toString();
    }

    private static String editSubject(UnaryOperator<JsonObjectBuilder> change) {
        JsonObject credential = parse(GENUINE);
        JsonObjectBuilder subject = change.apply(Json.createObjectBuilder(credential.getJsonObject("credentialSubject")));
        return Json.createObjectBuilder(credential).add("credentialSubject", subject).build().toString();
    }

    /** A score put back into a credential signed without one, as someone who knows it might try. */
    private static String addScore(String credential) {
        JsonObject parsed = parse(credential);
        JsonObject withScore = parse(GENUINE).getJsonObject("credentialSubject");
        return Json.createObjectBuilder(parsed).add("credentialSubject", withScore).build().toString();
    }

    private static Case genuine(String credential) {
        return new Case(credential, PROFILE, LIST, true, "VALID", null);
    }

    private static Case tampered(String credential, String reason, String ownCheck) {
        return new Case(credential, PROFILE, LIST, false, reason, ownCheck);
    }

    /** What the portal issued before: correctly signed, but its credentialStatus type is defined by no context. */
    private static String legacy() {
        JsonObject unsigned = Json.createObjectBuilder(OpenBadgeCredential.unsigned(CredentialVerifierTest.DATA))
                .add("credentialStatus", Json.createObjectBuilder().add("id", ISSUER + "/revocations").add("type", "1EdTechRevocationList"))
                .build();
        return DataIntegrity.sign(unsigned, ISSUER, KEY, METHOD, CredentialVerifierTest.ISSUED);
    }

    static Stream<Arguments> cases() {
        String proofValue = parse(GENUINE).getJsonObject("proof").getString("proofValue");
        char last = proofValue.charAt(proofValue.length() - 1);
        String otherProofValue = proofValue.substring(0, proofValue.length() - 1) + (last == 'A' ? 'B' : 'A');
        Ed25519Key other = Ed25519Key.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String clearedList = REVOKED_LIST.replace(BitstringStatusList.withSet(INDEX + 1, List.of(INDEX)).encode(),
                BitstringStatusList.withSet(INDEX + 1, List.of()).encode());
        return Stream.of(
                Arguments.of("genuine, ASCII name", genuine(GENUINE)),
                Arguments.of("genuine, accented name", genuine(credential("Zoë Ångström-Ñúñez"))),
                Arguments.of("genuine, Arabic name", genuine(credential("فاطمة الزهراء"))),
                Arguments.of("genuine, neither score nor time published (the default)", genuine(published(null, null))),
                Arguments.of("genuine, score published, time not", genuine(published(87, null))),
                Arguments.of("genuine, time published, score not", genuine(published(null, 5_400L))),
                Arguments.of("score added to a credential that did not publish it", tampered(addScore(published(null, null)),
                        "Invalid signature", "signature")),
                Arguments.of("learner name changed", tampered(GENUINE.replace("Jane Q. Learner", "Mallory Forger"),
                        "Invalid signature", "signature")),
                Arguments.of("validFrom changed", tampered(edit(GENUINE, c -> c.add("validFrom", "2020-01-01T00:00:00Z")),
                        "Invalid signature", "signature")),
                Arguments.of("score changed", tampered(GENUINE.replace("\"value\":\"87\"", "\"value\":\"100\""),
                        "Invalid signature", "signature")),
                Arguments.of("one character of proofValue changed", tampered(GENUINE.replace(proofValue, otherProofValue),
                        "INVALID", "signature")),
                Arguments.of("proof removed", tampered(edit(GENUINE, c -> c.remove("proof")), "proof", "shape")),
                Arguments.of("undefined property added", tampered(edit(GENUINE, c -> c.add("honours", "summa cum laude")),
                        "Safe mode validation error", "data-loss")),
                Arguments.of("undefined property added to the subject", tampered(editSubject(s -> s.add("grade", "A+")),
                        "Safe mode validation error", "data-loss")),
                Arguments.of("keyword-like property added", tampered(editSubject(s -> s.add("@grade", "A+")),
                        "Safe mode validation error", "data-loss")),
                Arguments.of("signed with another key under the issuer's key id", tampered(
                        OpenBadgeCredential.sign(CredentialVerifierTest.DATA, other, ISSUER + "#" + other.publicKey().multibase(),
                                CredentialVerifierTest.ISSUED).replace(other.publicKey().multibase(), KEY.publicKey().multibase()),
                        "Invalid signature", "signature")),
                Arguments.of("signed with a key the issuer does not list", tampered(
                        OpenBadgeCredential.sign(CredentialVerifierTest.DATA, other, ISSUER + "#" + other.publicKey().multibase(),
                                CredentialVerifierTest.ISSUED), "not available offline", "issuer-key")),
                Arguments.of("revoked in the status list", new Case(GENUINE, PROFILE, REVOKED_LIST, false,
                        "revoked: bit 4242", "status")),
                Arguments.of("status list bit cleared after signing", new Case(GENUINE, PROFILE, clearedList, false,
                        "\"BitstringStatusListCredential\" not verified", "status")),
                Arguments.of("status list signed with another key", new Case(GENUINE, PROFILE,
                        StatusListCredential.sign(CredentialVerifierTest.STATUS_LIST, ISSUER, BitstringStatusList.withSet(1, List.of()),
                                CredentialVerifierTest.LIST_CHANGED, other, METHOD), false,
                        "\"BitstringStatusListCredential\" not verified", "status")),
                Arguments.of("signed with the old status type that no context defines (the finding)", tampered(legacy(),
                        "Safe mode validation error", "data-loss")));
    }

    @org.junit.jupiter.api.Test
    void aCredentialStatesOnlyTheResultsTheLearnerPublished() {
        JsonObject neither = parse(published(null, null)).getJsonObject("credentialSubject");
        assertTrue(!neither.containsKey("result") && !neither.getJsonObject("achievement").containsKey("resultDescription"),
                neither::toString);
        String scoreOnly = published(87, null);
        assertTrue(scoreOnly.contains("#result-score") && scoreOnly.contains("\"value\":\"87\""), scoreOnly);
        assertTrue(!scoreOnly.contains("#result-time-spent") && !scoreOnly.contains("PT1H30M"), scoreOnly);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void independentVerifierAndOurStrictVerifierAgree(String name, Case c) throws IOException {
        Path credential = Files.writeString(dir.resolve("credential.json"), c.credential());
        Path issuer = Files.writeString(dir.resolve("issuer.json"), c.issuer());
        Path statusList = Files.writeString(dir.resolve("status-list.json"), c.statusList());

        Verdict independent = IndependentVerifier.verify(credential, issuer, statusList, NOW.toString());
        assertEquals(c.valid() ? 0 : 1, independent.exitCode(), independent.output());
        assertTrue(independent.output().contains(c.independentReason()), () -> independent.output() + " should contain "
                + c.independentReason());

        Ed25519PublicKey published = Ed25519PublicKey.fromMultibase(parse(c.issuer()).getJsonArray("verificationMethod")
                .getJsonObject(0).getString("publicKeyMultibase"));
        VerificationReport ours = new CredentialVerifier(vm -> Optional.of(published), url -> Optional.of(c.statusList()))
                .verify(c.credential(), NOW);
        assertEquals(c.valid(), ours.passed(), ours::toString);
        if (!c.valid()) {
            assertEquals(VerificationReport.Outcome.FAIL, ours.check(c.ownCheck()).orElseThrow().outcome(), ours::toString);
        } else {
            assertTrue(ours.checks().stream().allMatch(check -> check.outcome() == VerificationReport.Outcome.PASS), ours::toString);
        }
    }
}
