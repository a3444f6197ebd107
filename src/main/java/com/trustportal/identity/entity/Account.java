package com.trustportal.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A person's sign-in within one tenant. The e-mail is unique per tenant only: the same address in
 * two companies is two unrelated accounts. Failed sign-ins are counted here, in the database, so
 * throttling holds across restarts and nodes.
 */
@Entity
@Table(name = "account")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", length = 40)
@NamedQuery(name = Account.FIND_BY_EMAIL, query = "select a from Account a where a.email = :email")
@NamedQuery(name = Account.FIND_ALL, query = "select a from Account a order by a.name")
@NamedQuery(name = Account.COUNT_SEATS, query =
    "select count(a) from Account a where a.active = true and a.role <> com.trustportal.identity.entity.Role.ADMIN")
@NamedQuery(name = Account.FIND_TEAM, query = "select a from Account a where a.manager = :manager order by a.name")
@NamedQuery(name = Account.FIND_ACTIVE_IN_TEAM, query = "select a from Account a where a.team = :team and a.active = true"
    + " order by a.name")
@NamedQuery(name = Account.COUNT_IN_TEAM, query = "select count(a) from Account a where a.team = :team")
@NamedQuery(name = Account.FIND_TEAM_NAMES, query = "select distinct a.team from Account a where a.team is not null"
    + " order by a.team")
@NamedQuery(name = Account.FIND_ACTIVE_BY_ROLE, query = "select a from Account a where a.role = :role and a.active = true"
    + " order by a.name")
@NamedQuery(name = Account.COUNT_ACTIVE_BY_ROLE, query = "select count(a) from Account a where a.role = :role"
    + " and a.active = true")
@NamedQuery(name = Account.FIND_MANAGERS, query =
    "select distinct m from Account a join a.manager m where a.active = true and m.active = true")
public class Account {

  public static final String FIND_BY_EMAIL = "Account.findByEmail";
  public static final String FIND_ALL = "Account.findAll";
  public static final String FIND_TEAM = "Account.findTeam";
  /** Active accounts whose team (the {@code team} column, not the manager's reports) is {@code :team}. */
  public static final String FIND_ACTIVE_IN_TEAM = "Account.findActiveInTeam";
  public static final String COUNT_IN_TEAM = "Account.countInTeam";
  public static final String FIND_TEAM_NAMES = "Account.findTeamNames";
  public static final String FIND_ACTIVE_BY_ROLE = "Account.findActiveByRole";
  public static final String COUNT_ACTIVE_BY_ROLE = "Account.countActiveByRole";
  /** Active accounts that at least one active account reports to. */
  public static final String FIND_MANAGERS = "Account.findManagers";
  /** Accounts that take a seat: the same rule as {@link #takesASeat()}, counted in the database. */
  public static final String COUNT_SEATS = "Account.countSeats";
  public static final int MAX_FAILED_SIGN_INS = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

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

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_sign_in")
  private Instant lastSignIn;

  @Column(length = 80)
  private String team;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "manager_id")
  private Account manager;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

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

  public void changeRole(Role role) {
    this.role = Objects.requireNonNull(role);
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
    this.active = false;
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
  }

  public String team() {
    return team;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public boolean canSignIn(Instant now) {
    return active && passwordHash != null && !isLocked(now);
  }

  /** Counts a wrong password; the fifth in a row locks the account for {@link #LOCKOUT}. */
  public void failedSignIn(Instant now) {
    failedSignIns++;
    if (failedSignIns >= MAX_FAILED_SIGN_INS) {
      lockedUntil = now.plus(LOCKOUT);
      failedSignIns = 0;
    }
  }

  public void signedIn(Instant now) {
    failedSignIns = 0;
    lockedUntil = null;
    lastSignIn = now;
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

  public int failedSignIns() {
    return failedSignIns;
  }
}
