package com.trustportal.identity.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's sign-in within one tenant. The e-mail is unique per tenant only: the same address in
 * two companies is two unrelated accounts. The security version is what open sessions are checked
 * against on every request: each change that must end them (deactivation, a new role, a new
 * password, "end sessions") moves it on here, in the behaviour method, so no caller can forget it.
 */
@Entity
@EntityListeners(AccountChanges.class)
@Table(name = "account")
@NamedQuery(name = Account.FIND_BY_EMAIL, query = "select a from Account a where a.email = :email")
@NamedQuery(name = Account.FIND_ALL, query = "select a from Account a order by a.name")
@NamedQuery(name = Account.COUNT_SEATS, query =
    "select count(a) from Account a where a.active = true and a.role <> com.trustportal.identity.entity.Role.ADMIN")
@NamedQuery(name = Account.FIND_TEAM, query = "select a from Account a where a.manager = :manager order by a.name")
@NamedQuery(name = Account.FIND_ACTIVE_IN_TEAM, query = "select a from Account a where a.team = :team and a.active = true"
    + " order by a.name")
@NamedQuery(name = Account.FIND_IN_TEAM, query = "select a from Account a where a.team = :team order by a.email")
@NamedQuery(name = Account.COUNT_IN_TEAM, query = "select count(a) from Account a where a.team = :team")
@NamedQuery(name = Account.FIND_TEAM_NAMES, query = "select distinct a.team from Account a where a.team is not null"
    + " order by a.team")
@NamedQuery(name = Account.FIND_ACTIVE_BY_ROLE, query = "select a from Account a where a.role = :role and a.active = true"
    + " order by a.name")
@NamedQuery(name = Account.COUNT_ACTIVE_BY_ROLE, query = "select count(a) from Account a where a.role = :role"
    + " and a.active = true")
@NamedQuery(name = Account.FIND_MANAGERS, query =
    "select distinct m from Account a join a.manager m where a.active = true and m.active = true")
public class Account extends TenantOwned {

  public static final String FIND_BY_EMAIL = "Account.findByEmail";
  public static final String FIND_ALL = "Account.findAll";
  public static final String FIND_TEAM = "Account.findTeam";
  /** Active accounts whose team (the {@code team} column, not the manager's reports) is {@code :team}. */
  public static final String FIND_ACTIVE_IN_TEAM = "Account.findActiveInTeam";
  public static final String COUNT_IN_TEAM = "Account.countInTeam";
  /** Every account of team {@code :team}, active or not (SCIM group members). */
  public static final String FIND_IN_TEAM = "Account.findInTeam";
  public static final String FIND_TEAM_NAMES = "Account.findTeamNames";
  public static final String FIND_ACTIVE_BY_ROLE = "Account.findActiveByRole";
  public static final String COUNT_ACTIVE_BY_ROLE = "Account.countActiveByRole";
  /** Active accounts that at least one active account reports to. */
  public static final String FIND_MANAGERS = "Account.findManagers";
  /** Accounts that take a seat: the same rule as {@link #takesASeat()}, counted in the database. */
  public static final String COUNT_SEATS = "Account.countSeats";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(name = "password_hash", length = 200)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active = true;

  /** Moved on by every change that must end the account's sessions; see {@link #endSessions()}. */
  @Column(name = "security_version", nullable = false)
  private long securityVersion;

  @Column(name = "last_sign_in")
  private Instant lastSignIn;

  @Column(length = 80)
  private String team;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "manager_id")
  private Account manager;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The confirmed TOTP secret (base32), or null: no second factor. */
  @Column(name = "totp_secret", length = 64)
  private String totpSecret;

  /** A secret shown during enrolment, until a code from it confirms it. */
  @Column(name = "totp_pending", length = 64)
  private String totpPending;

  /** The last time step whose code was accepted: a code is good once. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

  /** SHA-256 of each unused recovery code, separated by spaces. */
  @Column(name = "recovery_codes", length = 1000)
  private String recoveryCodes;

  @Version
  private long version;

  protected Account() {}

  public Account(String email, String name, Role role, String passwordHash, Instant at) {
    this.id = UUID.randomUUID().toString();
    this.email = normalise(email);
    rename(name);
    this.role = Objects.requireNonNull(role);
    this.passwordHash = passwordHash;
    this.createdAt = Objects.requireNonNull(at);
  }

  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public void rename(String name) {
    this.name = Objects.requireNonNull(name).strip();
  }

  /** A new role ends the open sessions, which still carry the old one (a demoted admin keeps no admin page). */
  public void changeRole(Role role) {
    if (this.role != Objects.requireNonNull(role)) {
      this.role = role;
      endSessions();
    }
  }

  public void reportTo(Account manager) {
    if (manager == this) {
      throw new IllegalArgumentException("an account cannot be its own manager");
    }
    this.manager = manager;
  }

  /** Seats are taken by active accounts that learn: learners and managers, not admins. */
  public boolean takesASeat() {
    return active && role != Role.ADMIN;
  }

  /** Deactivated accounts cannot sign in and free their seat; their history stays. */
  public void deactivate() {
    if (active) {
      this.active = false;
      endSessions();
    }
  }

  public void reactivate() {
    this.active = true;
  }

  /** Moves the account to a team (blank: no team). */
  public void moveToTeam(String team) {
    this.team = team == null || team.isBlank() ? null : team.strip();
  }

  /** Sets the first password, from an invitation; only an account without one can get it this way. */
  public void setFirstPassword(String passwordHash) {
    if (this.passwordHash != null) {
      throw new IllegalStateException("account " + email + " already has a password");
    }
    this.passwordHash = Objects.requireNonNull(passwordHash);
    endSessions();
  }

  /** A new password (the person changed it, or it was reset): every session signed in with the old one ends. */
  public void changePassword(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash);
    endSessions();
  }

  /**
   * Ends every open session of this account, on every node: sessions carry the version they were
   * signed in with, and a request whose version is not the account's current one runs as anonymous.
   */
  public void endSessions() {
    securityVersion++;
  }

  /** Whether sign-in asks for a second factor (a code from the person's authenticator app). */
  public boolean hasTwoFactor() {
    return totpSecret != null;
  }

  /** Starts (or starts again) enrolment with a new secret; the second factor in force, if any, stays until confirmed. */
  public void beginTwoFactor(String secret) {
    this.totpPending = Objects.requireNonNull(secret);
  }

  /**
   * The code of step {@code step} from the pending secret was right: the secret is now in force, with these recovery
   * codes (their hashes) replacing any earlier ones.
   */
  public void confirmTwoFactor(long step, java.util.List<String> recoveryCodeHashes) {
    if (totpPending == null) {
      throw new IllegalStateException("no two-factor enrolment under way for " + email);
    }
    this.totpSecret = totpPending;
    this.totpPending = null;
    this.totpLastStep = step;
    this.recoveryCodes = String.join(" ", recoveryCodeHashes);
  }

  /** Removes the second factor and its recovery codes. */
  public void removeTwoFactor() {
    this.totpSecret = null;
    this.totpPending = null;
    this.totpLastStep = null;
    this.recoveryCodes = null;
  }

  /** Records that the code of {@code step} was used; a step at or before the last one used is never accepted again. */
  public void usedCodeOf(long step) {
    if (totpLastStep != null && step <= totpLastStep) {
      throw new IllegalStateException("a code of step " + step + " is not newer than the last one used");
    }
    this.totpLastStep = step;
  }

  /** Uses up one recovery code (by its hash): true when it was unused, and then it is gone. */
  public boolean useRecoveryCode(String hash) {
    if (recoveryCodes == null || hash == null || hash.isBlank()) {
      return false;
    }
    java.util.List<String> left = new java.util.ArrayList<>(java.util.List.of(recoveryCodes.split(" ")));
    if (!left.remove(hash)) {
      return false;
    }
    this.recoveryCodes = String.join(" ", left);
    return true;
  }

  public int recoveryCodesLeft() {
    return recoveryCodes == null || recoveryCodes.isBlank() ? 0 : recoveryCodes.split(" ").length;
  }

  public String totpSecret() {
    return totpSecret;
  }

  public String totpPending() {
    return totpPending;
  }

  /** The last step used, or {@link Long#MIN_VALUE} when none was. */
  public long totpLastStep() {
    return totpLastStep == null ? Long.MIN_VALUE : totpLastStep;
  }

  public String team() {
    return team;
  }

  /** Whether a password can be checked at all; guessing is slowed per client address, not here (SignInThrottle). */
  public boolean canSignIn() {
    return active && passwordHash != null;
  }

  public void signedIn(Instant now) {
    lastSignIn = now;
  }

  /** Whether a session signed in with {@code version} may still act for this account. */
  public boolean acceptsSession(long version) {
    return active && version == securityVersion;
  }

  public String id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean active() {
    return active;
  }

  public Account manager() {
    return manager;
  }

  public Instant lastSignIn() {
    return lastSignIn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long securityVersion() {
    return securityVersion;
  }
}
