package com.trustportal.certificate.boundary;

import com.trustportal.certificate.control.CredentialIssuer;
import com.trustportal.certificate.credential.CredentialVerifier;
import com.trustportal.certificate.credential.Ed25519PublicKey;
import com.trustportal.certificate.credential.VerificationReport;
import com.trustportal.platform.Settings;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the portal publishes about each tenant as a credential issuer (its public key and its signed
 * revocation status list) and the check of an uploaded credential against exactly that: a credential
 * passes here only when a tenant of this portal signed it with its published key and the tenant's
 * status list does not have its bit set.
 */
@Stateless
public class Issuers {

  private static final String ISSUERS = "/issuers/";

  @Inject TenantDirectory directory;
  @Inject CredentialIssuer issuer;
  @Inject Certificates certificates;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** The published signing key of a tenant, if the tenant exists and has signed anything yet. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Ed25519PublicKey> publicKey(String tenant) {
    if (directory.bySlug(tenant).isEmpty() || otherTenantsAddress(tenant)) {
      return Optional.empty();
    }
    return TenantContext.callAsUnchecked(tenant, issuer::publicKey);
  }

  /** The tenant's signed status list credential as published at {@link CredentialIssuer#statusListId}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<String> statusList(String tenant) {
    if (directory.bySlug(tenant).isEmpty() || otherTenantsAddress(tenant)) {
      return Optional.empty();
    }
    return TenantContext.callAsUnchecked(tenant, certificates::statusList);
  }

  /**
   * Checks an uploaded or pasted credential: format, signature with the issuing tenant's published
   * key, validity dates and the revocation bit in the tenant's status list. Never throws for bad input.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public VerificationReport check(String json) {
    Issuers lookups = context.getBusinessObject(Issuers.class);
    CredentialVerifier verifier = new CredentialVerifier(
        method -> tenantOfKey(method).flatMap(lookups::publicKey),
        list -> tenantOfList(list).flatMap(lookups::statusList));
    VerificationReport report = verifier.verify(json, clock.instant());
    if (report.checks().stream().noneMatch(c -> c.name().equals("issuer-key")
        && c.outcome() == VerificationReport.Outcome.PASS)) {
      List<VerificationReport.Check> checks = new ArrayList<>(report.checks());
      checks.add(new VerificationReport.Check("issued here", VerificationReport.Outcome.FAIL,
          "the credential was not signed with the published key of an organisation on " + Settings.publicUrl()
              + "; check it with its issuer's own verifier"));
      return new VerificationReport(checks);
    }
    return report;
  }

  /** Under a tenant's own address only that tenant's keys and lists are looked up. */
  private static boolean otherTenantsAddress(String tenant) {
    return TenantContext.current().filter(current -> !current.equals(tenant)).isPresent();
  }

  /** The tenant slug when {@code verificationMethod} is {@code <our issuer id>#<key>}. */
  static Optional<String> tenantOfKey(String verificationMethod) {
    int hash = verificationMethod == null ? -1 : verificationMethod.indexOf('#');
    return hash < 0 ? Optional.empty() : slugOf(verificationMethod.substring(0, hash));
  }

  static Optional<String> tenantOfList(String listId) {
    String suffix = CredentialIssuer.STATUS_LIST_PATH;
    return listId != null && listId.endsWith(suffix) ? slugOf(listId.substring(0, listId.length() - suffix.length()))
        : Optional.empty();
  }

  private static Optional<String> slugOf(String issuerId) {
    String prefix = Settings.publicUrl() + ISSUERS;
    if (!issuerId.startsWith(prefix)) {
      return Optional.empty();
    }
    String slug = issuerId.substring(prefix.length());
    return slug.matches("[a-z0-9][a-z0-9-]{0,39}") ? Optional.of(slug) : Optional.empty();
  }
}
