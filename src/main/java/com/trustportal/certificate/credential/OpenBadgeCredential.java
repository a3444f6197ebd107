package com.trustportal.certificate.credential;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds and signs Open Badges 3.0 {@code OpenBadgeCredential}s with an {@code eddsa-rdfc-2022} DataIntegrityProof. */
public final class OpenBadgeCredential {

    static final String REVOCATION_LIST_TYPE = "1EdTechRevocationList";

    private OpenBadgeCredential() {
    }

    /**
     * The signed credential as a compact JSON string, with an embedded DataIntegrityProof, cryptosuite
     * eddsa-rdfc-2022, proofPurpose assertionMethod.
     *
     * @param verificationMethod the key id, which must start with {@code issuerId + "#"}
     * @param created            proof creation time (truncated to seconds)
     * @throws IllegalArgumentException if the verification method does not belong to the issuer
     */
    public static String sign(CredentialData data, Ed25519Key key, String verificationMethod, Instant created) {
        if (verificationMethod == null || !verificationMethod.startsWith(data.issuerId() + "#")) {
            throw new IllegalArgumentException("verificationMethod must start with the issuer id followed by '#': " + data.issuerId() + "#");
        }
        JsonObject proofOptions = Json.createObjectBuilder()
                .add("type", DataIntegrity.PROOF_TYPE)
                .add("cryptosuite", DataIntegrity.CRYPTOSUITE)
                .add("created", dateTime(created))
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", DataIntegrity.PROOF_PURPOSE)
                .build();
        try {
            return DataIntegrity.addProof(unsigned(data), proofOptions, key, BundledContexts.PRODUCTION).toString();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD processing of the credential failed: " + e.getMessage(), e);
        }
    }

    /** @return the unsigned OpenBadgeCredential document */
    public static JsonObject unsigned(CredentialData data) {
        JsonObjectBuilder credential = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.OB_V3P0))
                .add("id", data.credentialId())
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("name", data.achievementName())
                .add("issuer", Json.createObjectBuilder()
                        .add("id", data.issuerId())
                        .add("type", Json.createArrayBuilder().add("Profile"))
                        .add("name", data.issuerName()))
                .add("validFrom", dateTime(data.validFrom()));
        if (data.validUntil() != null) {
            credential.add("validUntil", dateTime(data.validUntil()));
        }
        credential.add("credentialSubject", subject(data));
        if (data.statusListId() != null) {
            credential.add("credentialStatus", Json.createObjectBuilder()
                    .add("id", data.statusListId())
                    .add("type", REVOCATION_LIST_TYPE));
        }
        return credential.build();
    }

    private static JsonObjectBuilder subject(CredentialData data) {
        String scoreId = data.achievementId() + "#result-score";
        String timeId = data.achievementId() + "#result-time-spent";
        JsonArrayBuilder resultDescriptions = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("id", scoreId)
                        .add("type", Json.createArrayBuilder().add("ResultDescription"))
                        .add("name", "Final assessment score")
                        .add("resultType", "Percent")
                        .add("valueMin", "0")
                        .add("valueMax", "100"))
                .add(Json.createObjectBuilder()
                        .add("id", timeId)
                        .add("type", Json.createArrayBuilder().add("ResultDescription"))
                        .add("name", "Time spent (ISO 8601 duration)")
                        .add("resultType", "Result"));
        JsonObjectBuilder achievement = Json.createObjectBuilder()
                .add("id", data.achievementId())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", data.achievementName())
                .add("description", data.achievementDescription())
                .add("criteria", Json.createObjectBuilder().add("narrative", data.criteriaNarrative()))
                .add("version", data.courseVersion())
                .add("resultDescription", resultDescriptions);
        return Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "IdentityObject")
                        .add("identityHash", data.learnerName())
                        .add("identityType", "name")
                        .add("hashed", false)))
                .add("achievement", achievement)
                .add("result", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("Result"))
                                .add("resultDescription", scoreId)
                                .add("value", Integer.toString(data.scorePercent())))
                        .add(Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("Result"))
                                .add("resultDescription", timeId)
                                .add("value", Duration.ofSeconds(data.secondsSpent()).toString())));
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
