package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds and signs Open Badges 3.0 {@code OpenBadgeCredential}s with an {@code eddsa-rdfc-2022} DataIntegrityProof. */
public final class OpenBadgeCredential {

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
        return DataIntegrity.sign(unsigned(data), data.issuerId(), key, verificationMethod, created);
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
        if (data.status() != null) {
            // a status method the VC 2.0 context defines, so every verifier can expand (and sign) it
            credential.add("credentialStatus", Json.createObjectBuilder()
                    .add("id", data.status().id())
                    .add("type", StatusEntry.TYPE)
                    .add("statusPurpose", StatusEntry.PURPOSE)
                    .add("statusListIndex", Integer.toString(data.status().index()))
                    .add("statusListCredential", data.status().listCredential()));
        }
        return credential.build();
    }

    /** The subject; the score and the time spent only when given (the learner chose to publish them). */
    private static JsonObjectBuilder subject(CredentialData data) {
        String scoreId = data.achievementId() + "#result-score";
        String timeId = data.achievementId() + "#result-time-spent";
        JsonArrayBuilder resultDescriptions = Json.createArrayBuilder();
        JsonArrayBuilder results = Json.createArrayBuilder();
        if (data.scorePercent() != null) {
            resultDescriptions.add(Json.createObjectBuilder()
                    .add("id", scoreId)
                    .add("type", Json.createArrayBuilder().add("ResultDescription"))
                    .add("name", "Final assessment score")
                    .add("resultType", "Percent")
                    .add("valueMin", "0")
                    .add("valueMax", "100"));
            results.add(Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Result"))
                    .add("resultDescription", scoreId)
                    .add("value", Integer.toString(data.scorePercent())));
        }
        if (data.secondsSpent() != null) {
            resultDescriptions.add(Json.createObjectBuilder()
                    .add("id", timeId)
                    .add("type", Json.createArrayBuilder().add("ResultDescription"))
                    .add("name", "Time spent (ISO 8601 duration)")
                    .add("resultType", "Result"));
            results.add(Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Result"))
                    .add("resultDescription", timeId)
                    .add("value", Duration.ofSeconds(data.secondsSpent()).toString()));
        }
        boolean anyResult = data.scorePercent() != null || data.secondsSpent() != null;
        JsonObjectBuilder achievement = Json.createObjectBuilder()
                .add("id", data.achievementId())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", data.achievementName())
                .add("description", data.achievementDescription())
                .add("criteria", Json.createObjectBuilder().add("narrative", data.criteriaNarrative()))
                .add("version", data.courseVersion());
        if (anyResult) {
            achievement.add("resultDescription", resultDescriptions);
        }
        JsonObjectBuilder subject = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "IdentityObject")
                        .add("identityHash", data.learnerName())
                        .add("identityType", "name")
                        .add("hashed", false)))
                .add("achievement", achievement);
        if (anyResult) {
            subject.add("result", results);
        }
        return subject;
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
