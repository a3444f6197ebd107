package com.trustportal.api.boundary;

import com.trustportal.api.entity.ApiToken;
import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant's API tokens: admins create (the secret is returned once), list and revoke them; each API
 * request is authenticated here against the tenant the token names. A valid token acts as an admin of
 * that tenant, identified in the audit trail by the token's name.
 */
@Stateless
public class ApiTokens {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject @TenantData EntityManager em;
  @Inject AuditTrail audit;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** A token just created: the secret exists only in this answer. */
  public record Created(ApiToken token, String secret) {}

  /** Creates a token of {@code kind}: a REST API token or a SCIM provisioning token. */
  public Created create(SignedInUser admin, ApiToken.Kind kind, String name) {
    requireAdmin(admin);
    ApiToken.Issued issued = ApiToken.issue(kind, TenantContext.require(), name, admin.email(), clock.instant());
    em.persist(issued.token());
    audit.record(admin, AuditEntry.Action.API_TOKEN_CREATED, label(kind) + " '" + issued.token().name() + "'",
        "prefix " + issued.token().prefix());
    LOG.info(() -> "Tenant " + admin.tenant() + ": " + admin.email() + " created API token " + issued.token().prefix());
    return new Created(issued.token(), issued.secret());
  }

  /** The tenant's tokens of {@code kind}, newest first. */
  public List<ApiToken> all(SignedInUser admin, ApiToken.Kind kind) {
    requireAdmin(admin);
    return em.createNamedQuery(ApiToken.FIND_ALL, ApiToken.class).setParameter("kind", kind).getResultList();
  }

  public ApiToken revoke(SignedInUser admin, String tokenId) {
    requireAdmin(admin);
    ApiToken token = tokenId == null ? null : em.find(ApiToken.class, tokenId);
    if (token == null) {
      throw new IllegalArgumentException("no such API token in this organisation");
    }
    if (token.active()) {
      token.revoke(clock.instant());
      audit.record(admin, AuditEntry.Action.API_TOKEN_REVOKED, label(token.kind()) + " '" + token.name() + "'",
          "prefix " + token.prefix());
    }
    return token;
  }

  /**
   * The caller a presented token stands for, when it is an active token of the current tenant. The
   * caller must have checked that the token names this tenant ({@link ApiToken#tenantOf}).
   */
  public Optional<SignedInUser> authenticate(String presented) {
    return authenticate(presented, ApiToken.Kind.API);
  }

  /** The caller a presented token of {@code kind} stands for; a token of another kind stands for nobody here. */
  public Optional<SignedInUser> authenticate(String presented, ApiToken.Kind kind) {
    String tenant = TenantContext.require();
    if (!ApiToken.tenantOf(presented).filter(tenant::equals).isPresent()) {
      return Optional.empty();
    }
    Optional<ApiToken> found = em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
        .setParameter("hash", ApiToken.hash(presented)).getResultStream().findFirst().filter(t -> t.kind() == kind).filter(ApiToken::active)
        .filter(this::creatorIsStillAnAdmin);
    Instant minute = ApiToken.useMinute(clock.instant());
    found.filter(t -> t.useToNote(minute)).ifPresent(t -> noteUseQuietly(t.id(), minute));
    return found.map(t -> new SignedInUser(tenant, t.id(), callerName(t), label(kind) + " " + t.name(), Role.ADMIN));
  }

  /**
   * A token acts as an admin, so it works only while the admin who created it is one: an active account
   * of this tenant whose current role is admin. Demoting or deactivating the creator stops their tokens.
   */
  private boolean creatorIsStillAnAdmin(ApiToken token) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class).setParameter("email", token.createdBy())
        .getResultStream().findFirst().filter(a -> a.active() && a.role() == Role.ADMIN).isPresent();
  }

  /**
   * Writes "last used" ({@link ApiToken#NOTE_USE}) in a transaction of its own. Called only by
   * {@link #authenticate}, through the container so that the transaction attribute applies.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void noteUse(String tokenId, Instant minute) {
    em.createNamedQuery(ApiToken.NOTE_USE).setParameter("id", tokenId).setParameter("minute", minute).executeUpdate();
  }

  /** Bookkeeping never fails the request it belongs to: a use that cannot be noted is logged and skipped. */
  private void noteUseQuietly(String tokenId, Instant minute) {
    try {
      context.getBusinessObject(ApiTokens.class).noteUse(tokenId, minute);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API token " + tokenId + ": last use not noted", e);
    }
  }

  /** How the token appears as actor (audit trail): its name, marked as a token. */
  static String callerName(ApiToken token) {
    return (token.kind() == ApiToken.Kind.SCIM ? "scim-token:" : "api-token:") + token.name();
  }

  private static String label(ApiToken.Kind kind) {
    return kind == ApiToken.Kind.SCIM ? "SCIM token" : "API token";
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins manage API tokens");
  }
}
