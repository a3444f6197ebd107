package com.trustportal.certificate.credential;

import java.util.Objects;

/**
 * Where a credential's revocation bit lives: its {@code credentialStatus}, a {@code BitstringStatusListEntry}
 * with {@code statusPurpose} {@code revocation}.
 *
 * @param listCredential the URL of the issuer's {@code BitstringStatusListCredential}
 * @param index          the credential's bit in that list, stable for the credential's life
 */
public record StatusEntry(String listCredential, int index) {

    public static final String TYPE = "BitstringStatusListEntry";
    public static final String PURPOSE = "revocation";

    public StatusEntry {
        Objects.requireNonNull(listCredential, "listCredential");
        if (index < 0) {
            throw new IllegalArgumentException("status list index must be >= 0, got " + index);
        }
    }

    /** @return the entry's own id: the list URL with the index as fragment */
    public String id() {
        return listCredential + "#" + index;
    }
}
