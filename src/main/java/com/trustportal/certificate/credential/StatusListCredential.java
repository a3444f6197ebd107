package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * An issuer's {@code BitstringStatusListCredential} for revocation: a verifiable credential, signed like the
 * certificates themselves (eddsa-rdfc-2022, the issuer's key), whose subject is the {@link BitstringStatusList}.
 * Only the VC 2.0 context is needed: it defines every term used here.
 */
public final class StatusListCredential {

    public static final String TYPE = "BitstringStatusListCredential";
    public static final String SUBJECT_TYPE = "BitstringStatusList";

    private StatusListCredential() {
    }

    /** @return the unsigned status list credential */
    public static JsonObject unsigned(String listId, String issuerId, BitstringStatusList list, Instant validFrom) {
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("id", listId)
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add(TYPE))
                .add("issuer", issuerId)
                .add("validFrom", OpenBadgeCredential.dateTime(validFrom))
                .add("credentialSubject", Json.createObjectBuilder()
                        .add("id", listId + "#list")
                        .add("type", SUBJECT_TYPE)
                        .add("statusPurpose", StatusEntry.PURPOSE)
                        .add("encodedList", list.encode()))
                .build();
    }

    /**
     * The signed status list credential as compact JSON. Signing is deterministic: the same list, date and key give
     * the same document, so it can be cached.
     *
     * @param validFrom when the list took its current state (the latest revocation), also the proof's creation time
     * @throws IllegalArgumentException if the verification method does not belong to the issuer
     */
    public static String sign(String listId, String issuerId, BitstringStatusList list, Instant validFrom, Ed25519Key key,
            String verificationMethod) {
        return DataIntegrity.sign(unsigned(listId, issuerId, list, validFrom), issuerId, key, verificationMethod, validFrom);
    }
}
