package com.trustportal.certificate.credential;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts of one earned course certificate, turned into an Open Badges 3.0 {@code OpenBadgeCredential}
 * by {@link OpenBadgeCredential}.
 *
 * <p>{@code scorePercent} becomes a {@code Result} pointing to a {@code ResultDescription} with resultType
 * {@code Percent} (valueMin 0, valueMax 100). {@code secondsSpent} becomes a second {@code Result} whose
 * {@code ResultDescription} is named "Time spent" with the generic resultType {@code Result} and whose value
 * is an ISO-8601 duration such as {@code PT1H30M}: OB 3.0 has no duration result type, and
 * {@code Result}/{@code value} is a plain string, so this is valid and signed. Either is null when the learner did
 * not choose to publish it: the credential then has neither that {@code Result} nor its {@code ResultDescription}.
 *
 * @param credentialId           credential id, e.g. {@code https://portal.example/verify/ABCD-...}
 * @param issuerId               issuer Profile id, e.g. {@code https://portal.example/issuers/acme}
 * @param issuerName             tenant display name
 * @param achievementId          achievement id
 * @param achievementName        course title; also the credential name
 * @param achievementDescription achievement description
 * @param criteriaNarrative      how it was earned
 * @param courseVersion          course version, the achievement {@code version}
 * @param learnerName            learner name, an IdentityObject (identityType "name", hashed false)
 * @param scorePercent           final assessment score, 0..100, or null when not published
 * @param secondsSpent           time spent, seconds, &gt;= 0, or null when not published
 * @param validFrom              start of validity
 * @param validUntil             end of validity, or null for no expiry
 * @param status                 the credential's revocation entry in the issuer's status list, or null for none
 */
public record CredentialData(
        String credentialId,
        String issuerId,
        String issuerName,
        String achievementId,
        String achievementName,
        String achievementDescription,
        String criteriaNarrative,
        String courseVersion,
        String learnerName,
        Integer scorePercent,
        Long secondsSpent,
        Instant validFrom,
        Instant validUntil,
        StatusEntry status) {

    /** @throws NullPointerException or IllegalArgumentException on missing or out-of-range values */
    public CredentialData {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(achievementDescription, "achievementDescription");
        Objects.requireNonNull(criteriaNarrative, "criteriaNarrative");
        Objects.requireNonNull(courseVersion, "courseVersion");
        Objects.requireNonNull(learnerName, "learnerName");
        Objects.requireNonNull(validFrom, "validFrom");
        if (scorePercent != null && (scorePercent < 0 || scorePercent > 100)) {
            throw new IllegalArgumentException("scorePercent must be 0..100, got " + scorePercent);
        }
        if (secondsSpent != null && secondsSpent < 0) {
            throw new IllegalArgumentException("secondsSpent must be >= 0, got " + secondsSpent);
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
    }
}
