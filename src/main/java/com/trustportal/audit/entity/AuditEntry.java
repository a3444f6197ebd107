package com.trustportal.audit.entity;

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
 * One recorded admin change. Immutable: every column is insert-only, and there is no method that
 * changes an entry.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.FIND_ALL, query = "select e from AuditEntry e order by e.at desc, e.id")
@NamedQuery(name = AuditEntry.COUNT, query = "select count(e) from AuditEntry e")
public class AuditEntry extends TenantOwned {

  public static final String FIND_ALL = "AuditEntry.findAll";
  public static final String COUNT = "AuditEntry.count";

  /** What happened. */
  public enum Action {
    LEARNERS_IMPORTED, LEARNER_DEACTIVATED, LEARNER_REACTIVATED, INVITATION_CREATED, INVITATION_ACCEPTED,
    CERTIFICATE_REVOKED, LEARNER_ADDED, LEARNER_EDITED, INVITATION_REISSUED, ENROLMENT,
    API_TOKEN_CREATED, API_TOKEN_REVOKED, SESSIONS_ENDED, PASSWORD_RESET,
    TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, RECOVERY_CODE_USED, SSO_SIGN_IN, SSO_ACCOUNT_CREATED,
    SCIM_USER_CREATED, SCIM_USER_CHANGED, SCIM_USER_DEACTIVATED, SCIM_GROUP_CHANGED
  }

  @Id
  @Column(length = 36, updatable = false)
  private String id;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(name = "actor_id", length = 36, updatable = false)
  private String actorId;

  @Column(name = "actor_email", nullable = false, length = 254, updatable = false)
  private String actorEmail;

  @Column(nullable = false, length = 40, updatable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;

  @Column(nullable = false, length = 300, updatable = false)
  private String subject;

  @Column(length = 2000, updatable = false)
  private String detail;

  protected AuditEntry() {}

  public AuditEntry(Instant at, String actorId, String actorEmail, Action action, String subject, String detail) {
    this.id = UUID.randomUUID().toString();
    this.at = Objects.requireNonNull(at);
    this.actorId = actorId;
    this.actorEmail = Objects.requireNonNull(actorEmail);
    this.action = Objects.requireNonNull(action);
    this.subject = cut(Objects.requireNonNull(subject), 300);
    this.detail = detail == null ? null : cut(detail, 2000);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Instant at() {
    return at;
  }

  public String actorEmail() {
    return actorEmail;
  }

  public Action action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String detail() {
    return detail;
  }
}
