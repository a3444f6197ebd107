package com.trustportal.certificate.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The tenant's Ed25519 key for signing credentials: the public key in Multikey form, and the private
 * seed sealed with the portal's key-encryption key (never stored or logged in the clear), and the
 * counter that hands out the bits of the tenant's revocation status list.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKey.FIND, query = "select k from SigningKey k")
public class SigningKey extends TenantOwned {

  public static final String FIND = "SigningKey.find";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "public_key", nullable = false, length = 100)
  private String publicKeyMultibase;

  @Column(name = "sealed_seed", nullable = false, length = 200)
  private String sealedSeed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The next free bit of the tenant's revocation status list; only ever counts up. */
  @Column(name = "next_status_index", nullable = false)
  private int nextStatusIndex;

  protected SigningKey() {}

  public SigningKey(String publicKeyMultibase, String sealedSeed, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.publicKeyMultibase = Objects.requireNonNull(publicKeyMultibase);
    this.sealedSeed = Objects.requireNonNull(sealedSeed);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String publicKeyMultibase() {
    return publicKeyMultibase;
  }

  public String sealedSeed() {
    return sealedSeed;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Takes the next bit of the status list for a new certificate; the caller holds this row's write lock. */
  public int allocateStatusIndex() {
    if (nextStatusIndex == Integer.MAX_VALUE) {
      throw new IllegalStateException("the status list of this tenant is full");
    }
    return nextStatusIndex++;
  }

  /** How many bits of the status list have been handed out. */
  public int statusIndexesUsed() {
    return nextStatusIndex;
  }
}
