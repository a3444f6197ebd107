/**
 * Open Badges 3.0 credentials secured with a Data Integrity proof, cryptosuite {@code eddsa-rdfc-2022}:
 * signing ({@link com.trustportal.certificate.credential.OpenBadgeCredential}), revocation as a W3C Bitstring
 * Status List signed the same way ({@link com.trustportal.certificate.credential.StatusListCredential}), the
 * issuer profile that authorises the key, and strict offline verification
 * ({@link com.trustportal.certificate.credential.CredentialVerifier},
 * {@link com.trustportal.certificate.credential.VerifyCredential}). Every term used is defined by the bundled
 * contexts, so independent verifiers in JSON-LD safe mode accept the documents (a test runs Digital Bazaar's).
 *
 * <p>JSON-LD contexts come only from {@code src/main/resources/jsonld/} (VC 2.0 and OB 3.0.3); nothing is fetched
 * from the network. Ed25519 is the JDK's own implementation. Needs titanium-json-ld, titanium-rdfc and a
 * Jakarta JSON-P implementation at run time (the application server's, or parsson for the command line).
 */
package com.trustportal.certificate.credential;
