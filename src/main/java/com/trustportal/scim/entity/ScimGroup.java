package com.trustportal.scim.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A team as an identity provider sees it: a SCIM group with a stable id. Membership is not stored here but
 * on the accounts ({@code Account.team} holds the team's name), so the team pages and reports, which read
 * that column, see what the identity provider provisions. Renaming the group renames the team.
 */
@Entity
@Table(name = "scim_group")
@NamedQuery(name = ScimGroup.FIND_BY_NAME, query = "select g from ScimGroup g where g.displayName = :name")
@NamedQuery(name = ScimGroup.FIND_ALL, query = "select g from ScimGroup g order by g.displayName")
@NamedQuery(name = ScimGroup.COUNT, query = "select count(g) from ScimGroup g")
public class ScimGroup extends TenantOwned {

  public static final String FIND_BY_NAME = "ScimGroup.findByName";
  public static final String FIND_ALL = "ScimGroup.findAll";
  public static final String COUNT = "ScimGroup.count";
  /** The longest team name an account can hold. */
  public static final int MAX_NAME = 80;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "display_name", nullable = false, length = MAX_NAME)
  private String displayName;

  @Column(name = "external_id", length = 200)
  private String externalId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected ScimGroup() {}

  public ScimGroup(String displayName, String externalId, Instant at) {
    this.id = UUID.randomUUID().toString();
    rename(displayName);
    this.externalId = externalId;
    this.createdAt = Objects.requireNonNull(at);
  }

  /** A team name is 1 to 80 characters without control characters; the caller says which attribute was wrong. */
  public static String checkedName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("displayName: a team name has 1 to " + MAX_NAME
          + " characters and no control characters");
    }
    return stripped;
  }

  public void rename(String displayName) {
    this.displayName = checkedName(displayName);
  }

  public void identifyAs(String externalId) {
    this.externalId = externalId;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String externalId() {
    return externalId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
