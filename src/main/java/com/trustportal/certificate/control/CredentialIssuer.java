package com.trustportal.certificate.control;

import com.trustportal.certificate.credential.BitstringStatusList;
import com.trustportal.certificate.credential.CredentialData;
import com.trustportal.certificate.credential.Ed25519Key;
import com.trustportal.certificate.credential.Ed25519PublicKey;
import com.trustportal.certificate.credential.OpenBadgeCredential;
import com.trustportal.certificate.credential.StatusEntry;
import com.trustportal.certificate.credential.StatusListCredential;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.SigningKey;
import com.trustportal.platform.Settings;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs certificates as Open Badges 3.0 credentials with the current tenant's Ed25519 key. The key is
 * created on first use, stored sealed (see {@link KeySealer}) and cached in memory only after it has
 * been read back from the database, so a key that lost a creation race is never used. Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class CredentialIssuer {

  /** The path of the revocation status list under the issuer id. */
  public static final String STATUS_LIST_PATH = "/status/revocation";

  @Inject @TenantData EntityManager em;

  private final Map<String, Ed25519Key> keys = new ConcurrentHashMap<>();
  private volatile KeySealer sealer;

  /** The issuer's id (its public profile) for a tenant. */
  public static String issuerId(String tenant) {
    return Settings.publicUrl() + "/issuers/" + tenant;
  }

  /** Where a tenant's revocation status list credential (W3C Bitstring Status List) is published. */
  public static String statusListId(String tenant) {
    return issuerId(tenant) + STATUS_LIST_PATH;
  }


  /** The credential id of a certificate: its public verification page. */
  public static String credentialId(Certificate certificate) {
    return Settings.publicUrl() + "/verify/" + certificate.code().formatted();
  }

  /** The current tenant's signing key, created (not cached) when the tenant has none yet. */
  public Ed25519Key key() {
    String tenant = TenantContext.require();
    Ed25519Key cached = keys.get(tenant);
    if (cached != null) {
      return cached;
    }
    Optional<SigningKey> stored = stored();
    if (stored.isPresent()) {
      Ed25519Key key = Ed25519Key.fromSeed(sealer().open(stored.get().sealedSeed(), tenant));
      keys.put(tenant, key);
      return key;
    }
    Ed25519Key created = Ed25519Key.generate();
    em.persist(new SigningKey(created.publicKey().multibase(), sealer().seal(created.seed(), tenant), Instant.now()));
    em.flush();
    return created;
  }

  /** The current tenant's published key, if it has one (never creates one). */
  public Optional<Ed25519PublicKey> publicKey() {
    return stored().map(k -> Ed25519PublicKey.fromMultibase(k.publicKeyMultibase()));
  }

  /** The verification method a tenant's credentials name: its issuer id with the key as fragment. */
  public static String verificationMethod(String tenant, Ed25519PublicKey key) {
    return issuerId(tenant) + "#" + key.multibase();
  }

  /**
   * The signed credential of a certificate, issued by the current tenant. It states the score and the time spent only
   * as the learner chose ({@link Certificate#publicScore()}, {@link Certificate#publicTimeSpent()}).
   */
  public String sign(Certificate c, TenantConfig tenant) {
    Ed25519Key key = key();
    String issuer = issuerId(tenant.slug());
    CredentialData data = new CredentialData(credentialId(c), issuer, tenant.name(),
        issuer + "/achievements/" + c.courseId() + "/v" + c.courseVersion(), c.courseTitle(),
        "Completion of the course \"" + c.courseTitle() + "\" (version " + c.courseVersion() + ") on the "
            + tenant.name() + " training portal.",
        "Completed every required step of the course and passed its final assessment (pass mark 80%).",
        Integer.toString(c.courseVersion()), c.learnerName(), c.publicScore().isPresent() ? c.publicScore().getAsInt() : null,
        c.publicTimeSpent().map(Duration::toSeconds).orElse(null),
        c.completedAt(), c.expiresAt(), new StatusEntry(statusListId(tenant.slug()), c.statusIndex().orElseThrow(
            () -> new IllegalStateException("certificate " + c.code() + " has no status list bit"))));
    return OpenBadgeCredential.sign(data, key, verificationMethod(tenant.slug(), key.publicKey()), c.issuedAt());
  }

  /**
   * Takes the current tenant's next status list bit; locks the key row until the transaction ends, so bits are unique.
   * Call it in a short transaction: every other issue of the tenant waits for it.
   */
  public int allocateStatusIndex() {
    SigningKey row = em.createNamedQuery(SigningKey.FIND, SigningKey.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new IllegalStateException("tenant " + TenantContext.require() + " has no signing key"));
    return row.allocateStatusIndex();
  }

  /**
   * The current tenant's signed revocation status list, or empty while it has no key (it has issued nothing).
   *
   * @param revoked   the status list bits of the revoked certificates
   * @param changedAt when the list last changed (the latest revocation), null for never: then the key's creation
   */
  public Optional<String> statusList(Collection<Integer> revoked, Instant changedAt) {
    Optional<SigningKey> stored = stored();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String tenant = TenantContext.require();
    Ed25519Key key = key();
    BitstringStatusList bits = BitstringStatusList.withSet(stored.get().statusIndexesUsed(), revoked);
    Instant validFrom = changedAt == null ? stored.get().createdAt() : changedAt;
    return Optional.of(StatusListCredential.sign(statusListId(tenant), issuerId(tenant), bits, validFrom, key,
        verificationMethod(tenant, key.publicKey())));
  }

  private Optional<SigningKey> stored() {
    return em.createNamedQuery(SigningKey.FIND, SigningKey.class).getResultStream().findFirst();
  }

  private KeySealer sealer() {
    KeySealer s = sealer;
    if (s == null) {
      s = KeySealer.fromSettings(Settings.signingKek(), Settings.dataDir().resolve("secrets").resolve("signing.kek"));
      sealer = s;
    }
    return s;
  }
}
