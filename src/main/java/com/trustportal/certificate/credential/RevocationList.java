package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer's revocation list, the document served at a credential's {@code credentialStatus.id}
 * ({@code 1EdTechRevocationList}). JSON form:
 * <pre>{"id": ..., "type": "1EdTechRevocationList", "issuer": ...,
 *  "revoked": [{"id": credentialId, "revokedAt": "2025-01-01T00:00:00Z", "reason": "..."}]}</pre>
 *
 * @param id       the list URL
 * @param issuerId the issuer Profile id
 * @param revoked  the revoked credentials
 */
public record RevocationList(String id, String issuerId, List<Entry> revoked) {

    /**
     * One revoked credential.
     *
     * @param credentialId the credential id
     * @param revokedAt    when it was revoked
     * @param reason       why, may be empty
     */
    public record Entry(String credentialId, Instant revokedAt, String reason) {
        public Entry {
            Objects.requireNonNull(credentialId, "credentialId");
            Objects.requireNonNull(revokedAt, "revokedAt");
            reason = reason == null ? "" : reason;
        }
    }

    public RevocationList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        revoked = List.copyOf(revoked);
    }

    /** @return the JSON document served at {@link #id()} */
    public String toJson() {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (Entry entry : revoked) {
            entries.add(Json.createObjectBuilder()
                    .add("id", entry.credentialId())
                    .add("revokedAt", OpenBadgeCredential.dateTime(entry.revokedAt()))
                    .add("reason", entry.reason()));
        }
        return Json.createObjectBuilder()
                .add("id", id)
                .add("type", OpenBadgeCredential.REVOCATION_LIST_TYPE)
                .add("issuer", issuerId)
                .add("revoked", entries)
                .build().toString();
    }

    /** @throws IllegalArgumentException with a clear message if the text is not a valid revocation list */
    public static RevocationList parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("revocation list is null");
        }
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("revocation list must be a JSON object, got " + value.getValueType());
            }
            root = value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("revocation list is not valid JSON: " + e.getMessage(), e);
        }
        if (!OpenBadgeCredential.REVOCATION_LIST_TYPE.equals(string(root, "type", "revocation list"))) {
            throw new IllegalArgumentException("revocation list type must be " + OpenBadgeCredential.REVOCATION_LIST_TYPE);
        }
        JsonValue revokedValue = root.get("revoked");
        if (!(revokedValue instanceof JsonArray array)) {
            throw new IllegalArgumentException("revocation list: \"revoked\" must be an array");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject entry)) {
                throw new IllegalArgumentException("revocation list: revoked[" + i + "] must be an object");
            }
            String where = "revoked[" + i + "]";
            String revokedAt = string(entry, "revokedAt", where);
            try {
                entries.add(new Entry(string(entry, "id", where), Instant.parse(revokedAt),
                        entry.containsKey("reason") ? string(entry, "reason", where) : ""));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("revocation list: " + where + ".revokedAt is not an ISO-8601 instant: " + revokedAt, e);
            }
        }
        return new RevocationList(string(root, "id", "revocation list"), string(root, "issuer", "revocation list"), entries);
    }

    /** @return the entry revoking this credential, if any */
    public Optional<Entry> find(String credentialId) {
        return revoked.stream().filter(e -> e.credentialId().equals(credentialId)).findFirst();
    }

    private static String string(JsonObject object, String key, String where) {
        if (!(object.get(key) instanceof JsonString text)) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string");
        }
        return text.getString();
    }
}
