package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.certificate.credential.VerificationReport.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Round trip and tampering: every change after signing is caught by the right check. */
class CredentialVerifierTest {

    static final Ed25519Key KEY = Ed25519Key.fromSeed(new byte[32]);
    static final String ISSUER = "https://portal.example/issuers/acme";
    static final String VERIFICATION_METHOD = ISSUER + "#" + KEY.publicKey().multibase();
    static final String STATUS_LIST = ISSUER + "/status/revocation";
    /** Not a byte boundary, so a wrong bit order shows. */
    static final int STATUS_INDEX = 4242;
    static final Instant ISSUED = Instant.parse("2026-01-15T10:00:00Z");
    static final Instant LIST_CHANGED = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static final CredentialData DATA = new CredentialData(
            "https://portal.example/verify/ABCD-1234",
            ISSUER,
            "Acme Training",
            ISSUER + "/achievements/collaborative-selling/v1",
            "Collaborative Selling",
            "Selling as a team across accounts.",
            "Completed all modules and passed the final assessment with at least 80%.",
            "1.2",
            "Jane Q. Learner",
            87,
            5400L,
            ISSUED,
            Instant.parse("2028-01-15T10:00:00Z"),
            new StatusEntry(STATUS_LIST, STATUS_INDEX));

    static String signed() {
        return OpenBadgeCredential.sign(DATA, KEY, VERIFICATION_METHOD, ISSUED);
    }

    /** The issuer's signed status list with these bits set. */
    static String statusList(Integer... revoked) {
        return StatusListCredential.sign(STATUS_LIST, ISSUER, BitstringStatusList.withSet(STATUS_INDEX + 1, List.of(revoked)),
                LIST_CHANGED, KEY, VERIFICATION_METHOD);
    }

    private static VerificationReport verify(String json) {
        return verifier(Optional.of(KEY.publicKey()), Optional.empty()).verify(json, NOW);
    }

    private static CredentialVerifier verifier(Optional<Ed25519PublicKey> key, Optional<String> list) {
        return new CredentialVerifier(vm -> key, id -> list);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    private static String edit(UnaryOperator<JsonObject> change) {
        return change.apply(parse(signed())).toString();
    }

    private static JsonObject withSubject(JsonObject credential, UnaryOperator<JsonObjectBuilder> change) {
        JsonObjectBuilder subject = change.apply(Json.createObjectBuilder(credential.getJsonObject("credentialSubject")));
        return Json.createObjectBuilder(credential).add("credentialSubject", subject).build();
    }

    private static void assertFails(VerificationReport report, String check, String detailPart) {
        assertFalse(report.passed(), report::toString);
        assertEquals(Outcome.FAIL, report.outcome());
        VerificationReport.Check failed = report.check(check).orElseThrow(() -> new AssertionError("no " + check + " in " + report));
        assertEquals(Outcome.FAIL, failed.outcome(), report::toString);
        assertTrue(failed.detail().contains(detailPart), () -> failed.detail() + " should contain " + detailPart);
    }

    @Test
    void roundTripPasses() {
        String json = signed();
        VerificationReport report = verify(json);
        assertTrue(report.passed(), report::toString);
        assertEquals(Outcome.PASS, report.outcome());
        for (String check : List.of("size", "json", "shape", "contexts", "data-loss", "issuer-key", "signature", "validity")) {
            assertEquals(Outcome.PASS, report.check(check).orElseThrow().outcome(), check);
        }
        assertEquals(Outcome.NOT_CHECKED, report.check("status").orElseThrow().outcome());
        assertTrue(report.summary().startsWith("VALID"), report.summary());
    }

    @Test
    void unsignedDocumentHasTheOpenBadgeShape() {
        JsonObject unsigned = OpenBadgeCredential.unsigned(DATA);
        assertEquals(BundledContexts.VC_V2, unsigned.getJsonArray("@context").getString(0));
        JsonObject subject = unsigned.getJsonObject("credentialSubject");
        JsonObject identity = subject.getJsonArray("identifier").getJsonObject(0);
        assertEquals("Jane Q. Learner", identity.getString("identityHash"));
        assertEquals("name", identity.getString("identityType"));
        assertFalse(identity.getBoolean("hashed"));
        assertEquals("87", subject.getJsonArray("result").getJsonObject(0).getString("value"));
        assertEquals("PT1H30M", subject.getJsonArray("result").getJsonObject(1).getString("value"));
        JsonObject status = unsigned.getJsonObject("credentialStatus");
        assertEquals("BitstringStatusListEntry", status.getString("type"));
        assertEquals("revocation", status.getString("statusPurpose"));
        assertEquals("4242", status.getString("statusListIndex"));
        assertEquals(STATUS_LIST, status.getString("statusListCredential"));
        assertEquals(STATUS_LIST + "#4242", status.getString("id"));
        assertFalse(unsigned.containsKey("proof"));
    }

    @Test
    void signingIsDeterministic() {
        assertEquals(signed(), signed());
    }

    @Test
    void learnerNameChanged() {
        String json = edit(c -> withSubject(c, s -> s.add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("type", "IdentityObject").add("identityHash", "Mallory").add("identityType", "name").add("hashed", false)))));
        assertFails(verify(json), "signature", "signature does not match");
    }

    @Test
    void validFromChanged() {
        String json = edit(c -> Json.createObjectBuilder(c).add("validFrom", "2020-01-01T00:00:00Z").build());
        assertFails(verify(json), "signature", "signature does not match");
    }

    @Test
    void scoreChanged() {
        String json = signed().replace("\"value\":\"87\"", "\"value\":\"100\"");
        assertTrue(json.contains("\"100\""));
        assertFails(verify(json), "signature", "signature does not match");
    }

    @Test
    void proofValueCharacterChanged() {
        JsonObject credential = parse(signed());
        String proofValue = credential.getJsonObject("proof").getString("proofValue");
        char last = proofValue.charAt(proofValue.length() - 1);
        String changed = proofValue.substring(0, proofValue.length() - 1) + (last == 'A' ? 'B' : 'A');
        String json = signed().replace(proofValue, changed);
        assertFails(verify(json), "signature", "signature");
    }

    @Test
    void proofRemoved() {
        String json = edit(c -> Json.createObjectBuilder(c).remove("proof").build());
        assertFails(verify(json), "shape", "proof is missing");
    }

    @Test
    void addedUnknownPropertyIsDataLoss() {
        String json = edit(c -> Json.createObjectBuilder(c).add("honours", "summa cum laude").build());
        VerificationReport report = verify(json);
        assertFails(report, "data-loss", "honours");
        assertEquals(Outcome.NOT_CHECKED, report.check("signature").orElseThrow().outcome());
    }

    @Test
    void addedUnknownNestedPropertyIsDataLoss() {
        String json = edit(c -> withSubject(c, s -> s.add("grade", "A+")));
        assertFails(verify(json), "data-loss", "grade");
    }

    @Test
    void addedUndefinedTypeIsDataLoss() {
        String json = edit(c -> Json.createObjectBuilder(c)
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential").add("Diploma")).build());
        assertFails(verify(json), "data-loss", "Diploma");
    }

    @Test
    void duplicateKeysAreRefused() {
        String json = signed().replaceFirst("\\{", "{\"name\":\"Other\",");
        assertFails(verify(json), "json", "not valid JSON");
    }

    @Test
    void relativeIdIsDataLoss() {
        String json = edit(c -> withSubject(c, s -> s.add("id", "learner-42")));
        assertFails(verify(json), "data-loss", "learner-42");
    }

    @Test
    void indexKeywordIsDataLoss() {
        String json = edit(c -> withSubject(c, s -> s.add("@index", "shown but unsigned")));
        assertFails(verify(json), "data-loss", "@index");
    }

    @Test
    void wrongKeyViaResolver() {
        Ed25519PublicKey other = Ed25519Key.generate().publicKey();
        VerificationReport report = verifier(Optional.of(other), Optional.empty()).verify(signed(), NOW);
        assertFails(report, "signature", other.multibase());
        assertFails(report, "issuer-key", "trusted key is " + other.multibase());
    }

    @Test
    void verificationMethodOfAnotherIssuer() {
        String json = OpenBadgeCredential.sign(DATA, KEY, VERIFICATION_METHOD, ISSUED)
                .replace(VERIFICATION_METHOD, "https://evil.example/issuers/x#" + KEY.publicKey().multibase());
        assertFails(verify(json), "issuer-key", "does not belong to the issuer");
    }

    @Test
    void keyFromCredentialWhenResolverHasNone() {
        VerificationReport report = verifier(Optional.empty(), Optional.empty()).verify(signed(), NOW);
        assertTrue(report.passed(), report::toString);
        assertEquals(Outcome.NOT_CHECKED, report.check("issuer-key").orElseThrow().outcome());
    }

    @Test
    void expired() {
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.empty())
                .verify(signed(), Instant.parse("2029-01-01T00:00:00Z"));
        assertFails(report, "validity", "expired on 2028-01-15T10:00:00Z");
        assertEquals(Outcome.PASS, report.check("signature").orElseThrow().outcome());
    }

    @Test
    void notYetValid() {
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.empty())
                .verify(signed(), Instant.parse("2025-01-01T00:00:00Z"));
        assertFails(report, "validity", "not valid before");
    }

    @Test
    void revokedByTheStatusListBit() {
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.of(statusList(STATUS_INDEX))).verify(signed(), NOW);
        assertFails(report, "status", "revoked: bit 4242 is set");
        assertEquals(Outcome.PASS, report.check("signature").orElseThrow().outcome());
    }

    @Test
    void neighbouringBitsDoNotRevoke() {
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.of(statusList(STATUS_INDEX - 1, STATUS_INDEX + 1, 0)))
                .verify(signed(), NOW);
        assertTrue(report.passed(), report::toString);
        assertTrue(report.check("status").orElseThrow().detail().contains("not revoked (bit 4242"), report::toString);
    }

    @Test
    void statusListWhoseBitWasClearedAfterSigningFails() {
        String revokedList = statusList(STATUS_INDEX);
        String cleared = revokedList.replace(BitstringStatusList.withSet(STATUS_INDEX + 1, List.of(STATUS_INDEX)).encode(),
                BitstringStatusList.withSet(STATUS_INDEX + 1, List.of()).encode());
        assertTrue(!cleared.equals(revokedList));
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.of(cleared)).verify(signed(), NOW);
        assertFails(report, "status", "the status list credential is not valid");
        assertTrue(report.check("status").orElseThrow().detail().contains("signature does not match"), report::toString);
    }

    @Test
    void statusListOfAnotherIssuer() {
        Ed25519Key other = Ed25519Key.generate();
        String foreign = StatusListCredential.sign(STATUS_LIST, "https://evil.example", BitstringStatusList.withSet(1, List.of()),
                LIST_CHANGED, other, "https://evil.example#" + other.publicKey().multibase());
        assertFails(verifier(Optional.empty(), Optional.of(foreign)).verify(signed(), NOW), "status", "issued by https://evil.example");
    }

    @Test
    void statusListSignedWithAnotherKeyOfTheSameIssuer() {
        Ed25519Key other = Ed25519Key.generate();
        String forged = StatusListCredential.sign(STATUS_LIST, ISSUER, BitstringStatusList.withSet(1, List.of()), LIST_CHANGED, other,
                ISSUER + "#" + other.publicKey().multibase());
        assertFails(verifier(Optional.empty(), Optional.of(forged)).verify(signed(), NOW), "status", "another key");
        assertFails(verifier(Optional.of(KEY.publicKey()), Optional.of(forged)).verify(signed(), NOW), "status", "not valid");
    }

    @Test
    void statusListAtAnotherUrl() {
        String elsewhere = StatusListCredential.sign(ISSUER + "/status/other", ISSUER, BitstringStatusList.withSet(1, List.of()),
                LIST_CHANGED, KEY, VERIFICATION_METHOD);
        assertFails(verifier(Optional.of(KEY.publicKey()), Optional.of(elsewhere)).verify(signed(), NOW), "status", "is not " + STATUS_LIST);
    }

    @Test
    void indexBeyondTheListFails() {
        String json = signed().replace("\"statusListIndex\":\"4242\"", "\"statusListIndex\":\"999999\"");
        VerificationReport report = verifier(Optional.of(KEY.publicKey()), Optional.of(statusList())).verify(json, NOW);
        assertFails(report, "signature", "signature does not match");
        assertFails(report, "status", "outside the status list");
    }

    @Test
    void theOldUndefinedStatusTypeFailsDataLossWithoutAnAllowList() {
        String json = edit(c -> Json.createObjectBuilder(c).add("credentialStatus", Json.createObjectBuilder()
                .add("id", ISSUER + "/revocations").add("type", "1EdTechRevocationList")).build());
        VerificationReport report = verify(json);
        assertFails(report, "data-loss", "1EdTechRevocationList");
        assertFails(report, "status", "must be BitstringStatusListEntry");
    }

    @Test
    void keywordLikeKeyIsDataLoss() {
        String json = edit(c -> withSubject(c, s -> s.add("@grade", "A+")));
        assertFails(verify(json), "data-loss", "\"@grade\" is not a JSON-LD keyword");
    }

    @Test
    void notJson() {
        assertFails(verify("this is not json {"), "json", "not valid JSON");
    }

    @Test
    void jsonArrayInsteadOfObject() {
        assertFails(verify("[" + signed() + "]"), "json", "expected a JSON object, got ARRAY");
    }

    @Test
    void typeIsANumber() {
        String json = edit(c -> Json.createObjectBuilder(c).add("type", 42).build());
        assertFails(verify(json), "shape", "type must be");
    }

    @Test
    void tooBig() {
        byte[] big = new byte[CredentialVerifier.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        VerificationReport report = verify(new String(big, StandardCharsets.UTF_8));
        assertFails(report, "size", "more than the limit");
        assertEquals(1, report.checks().size());
    }

    @Test
    void nullInput() {
        assertFails(verifier(Optional.empty(), Optional.empty()).verify((byte[]) null, NOW), "size", "no input");
    }

    @Test
    void unknownContextIsRefusedWithoutNetwork() {
        List<URI> attempts = new ArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                attempts.add(uri);
            }
        });
        try {
            String json = edit(c -> Json.createObjectBuilder(c).add("@context", Json.createArrayBuilder()
                    .add(BundledContexts.VC_V2).add(BundledContexts.OB_V3P0).add("https://evil.example/context.json")).build());
            assertFails(verify(json), "contexts", "unknown context https://evil.example/context.json");
            assertTrue(attempts.isEmpty(), attempts::toString);
        } finally {
            ProxySelector.setDefault(previous);
        }
    }

    @Test
    void loaderRefusesUnbundledUrl() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(com.apicatalog.jsonld.JsonLdError.class,
                () -> BundledContexts.PRODUCTION.loadDocument(URI.create("https://www.w3.org/ns/credentials/examples/v2"), null));
        assertTrue(e.getMessage().contains("not bundled"));
    }

    @Test
    void embeddedContextIsRefused() {
        String json = edit(c -> withSubject(c, s -> s.add("@context", Json.createObjectBuilder().add("grade", "https://x.example/grade"))));
        assertFails(verify(json), "contexts", "nested @context");
    }

    @Test
    void firstContextMustBeVc2() {
        String json = edit(c -> Json.createObjectBuilder(c).add("@context", Json.createArrayBuilder()
                .add(BundledContexts.OB_V3P0).add(BundledContexts.VC_V2)).build());
        assertFails(verify(json), "shape", "@context must start with");
    }

    @Test
    void wrongCryptosuite() {
        String json = signed().replace("eddsa-rdfc-2022", "eddsa-jcs-2022");
        assertFails(verify(json), "shape", "proof.cryptosuite must be eddsa-rdfc-2022");
    }

    @Test
    void signRejectsForeignVerificationMethod() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenBadgeCredential.sign(DATA, KEY, "https://other.example#key", ISSUED));
    }
}
