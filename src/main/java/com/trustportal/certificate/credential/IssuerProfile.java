package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The issuer's public profile, served at the issuer id: an Open Badges {@code Profile} that is also the controller
 * document of its signing key. It lists the key as a {@code Multikey} verification method and authorises it for
 * {@code assertionMethod}, which is what a Data Integrity verifier checks before it trusts a proof by that key.
 * Every term is defined by its contexts, so verifiers that expand it in JSON-LD safe mode accept it.
 */
public final class IssuerProfile {

    static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    private static final String SECURITY = "https://w3id.org/security#";

    private IssuerProfile() {
    }

    /**
     * @param key the published key, or null while the issuer has signed nothing (then no key is listed)
     * @return the profile document
     */
    public static JsonObject of(String issuerId, String name, Ed25519PublicKey key) {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder()
                        .add(BundledContexts.VC_V2)
                        .add(BundledContexts.OB_V3P0)
                        .add(MULTIKEY_V1)
                        // the controller-document terms, with the IRIs of the W3C security vocabulary
                        .add(Json.createObjectBuilder()
                                .add("verificationMethod", Json.createObjectBuilder()
                                        .add("@id", SECURITY + "verificationMethod").add("@type", "@id"))
                                .add("assertionMethod", Json.createObjectBuilder()
                                        .add("@id", SECURITY + "assertionMethod").add("@type", "@id").add("@container", "@set"))
                                .add("publicKeyJwk", Json.createObjectBuilder()
                                        .add("@id", SECURITY + "publicKeyJwk").add("@type", "@json"))))
                .add("id", issuerId)
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", name);
        if (key != null) {
            String method = issuerId + "#" + key.multibase();
            profile.add("verificationMethod", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("id", method)
                            .add("type", "Multikey")
                            .add("controller", issuerId)
                            .add("publicKeyMultibase", key.multibase())
                            .add("publicKeyJwk", key.jwk())))
                    .add("assertionMethod", Json.createArrayBuilder().add(method));
        }
        return profile.build();
    }
}
