package com.trustportal.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in throttling, e-mail normalisation and the session's view of the user. */
class AccountTest {

  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  private static Account account() {
    return new Account("lee@acme.example", "Lee Learner", Role.LEARNER, "pbkdf2-sha256$310000$salt$hash", T0);
  }

  @Test
  void deactivationRoleChangeNewPasswordAndEndSessionsEachEndTheOpenSessions() {
    Account account = account();
    long signedInWith = account.securityVersion();
    assertTrue(account.acceptsSession(signedInWith));

    account.changeRole(Role.ADMIN);
    assertFalse(account.acceptsSession(signedInWith), "a new role ends the session");
    long afterRole = account.securityVersion();

    account.changePassword("pbkdf2-sha256$310000$salt$other");
    assertFalse(account.acceptsSession(afterRole), "a new password ends the session");
    long afterPassword = account.securityVersion();

    account.endSessions();
    assertFalse(account.acceptsSession(afterPassword), "ending sessions ends them");
    long afterEnd = account.securityVersion();

    account.deactivate();
    assertFalse(account.acceptsSession(afterEnd), "deactivation ends the session");
    assertFalse(account.acceptsSession(account.securityVersion()), "and no session of an inactive account is accepted");
  }

  @Test
  void changesThatTakeNothingAwayKeepTheSessions() {
    Account account = account();
    long version = account.securityVersion();

    account.changeRole(Role.LEARNER);
    account.rename("Lee Renamed");
    account.moveToTeam("North");
    account.signedIn(T0);
    account.deactivate();
    long deactivated = account.securityVersion();
    account.deactivate();

    assertEquals(version + 1, deactivated, "only the deactivation moved the version");
    assertEquals(deactivated, account.securityVersion(), "deactivating twice ends sessions once");
  }

  @Test
  void theFirstPasswordAlsoMovesTheVersion() {
    Account account = new Account("new@acme.example", "New Person", Role.LEARNER, null, T0);
    long before = account.securityVersion();

    account.setFirstPassword("pbkdf2-sha256$310000$salt$hash");

    assertTrue(account.securityVersion() > before);
    assertTrue(account.canSignIn());
  }

  @Test
  void signingInRecordsTheTime() {
    Account account = account();

    account.signedIn(T0);

    assertEquals(T0, account.lastSignIn());
  }

  @Test
  void accountWithoutPasswordCannotSignIn() {
    Account account = new Account("sso@acme.example", "Sam Sso", Role.LEARNER, null, T0);

    assertFalse(account.canSignIn());
  }

  @Test
  void emailIsTrimmedAndLowerCased() {
    Account account = new Account("  Lee.Learner@ACME.Example \t", "Lee", Role.LEARNER, "hash", T0);

    assertEquals("lee.learner@acme.example", account.email());
    assertEquals("lee.learner@acme.example", Account.normalise(" Lee.Learner@Acme.EXAMPLE"));
  }

  @Test
  void accountCannotBeItsOwnManager() {
    Account account = account();

    assertThrows(IllegalArgumentException.class, () -> account.reportTo(account));
    assertNull(account.manager());
  }

  @Test
  void accountReportsToAnotherAccount() {
    Account account = account();
    Account manager = new Account("morgan@acme.example", "Morgan Manager", Role.MANAGER, "hash", T0);

    account.reportTo(manager);

    assertSame(manager, account.manager());
  }

  // --- the session's user ------------------------------------------------------------------------

  @Test
  void signedInUserSurvivesSerialisationAndStaysSmall() throws IOException, ClassNotFoundException {
    SignedInUser user = new SignedInUser("acme", "6f1c1f5e-6c1b-4c55-9a53-0c7a1d2b3e4f", "lee@acme.example", "Lee Learner", Role.MANAGER);
    assertTrue(user instanceof Serializable);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(user);
    }
    Object copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertEquals(user, copy);
    assertTrue(bytes.size() < 1024, "serialised size " + bytes.size() + " bytes");
  }

  @Test
  void adminIncludesManagerAndLearner() {
    assertTrue(Role.ADMIN.includes(Role.ADMIN));
    assertTrue(Role.ADMIN.includes(Role.MANAGER));
    assertTrue(Role.ADMIN.includes(Role.LEARNER));
  }

  @Test
  void managerIncludesLearnerButNotAdmin() {
    assertTrue(Role.MANAGER.includes(Role.LEARNER));
    assertFalse(Role.MANAGER.includes(Role.ADMIN));
  }

  @Test
  void learnerDoesNotIncludeManagerOrAdmin() {
    assertTrue(Role.LEARNER.includes(Role.LEARNER));
    assertFalse(Role.LEARNER.includes(Role.MANAGER));
    assertFalse(Role.LEARNER.includes(Role.ADMIN));
  }

  @Test
  void operatorIncludesOnlyOperator() {
    Set<Role> included = Arrays.stream(Role.values()).filter(Role.OPERATOR::includes).collect(Collectors.toSet());

    assertEquals(Set.of(Role.OPERATOR), included);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"LEARNER", "MANAGER", "ADMIN"})
  void noTenantRoleIncludesOperator(Role role) {
    assertFalse(role.includes(Role.OPERATOR));
  }

  @Test
  void signedInUserGroupsAreTheRolesItsRoleIncludes() {
    SignedInUser admin = new SignedInUser("acme", "id", "a@acme.example", "Alex", Role.ADMIN);

    assertEquals(Set.of("ADMIN", "MANAGER", "LEARNER"), admin.groups());
    assertTrue(admin.has(Role.LEARNER));
    assertFalse(admin.has(Role.OPERATOR));
    assertEquals("acme:a@acme.example", admin.principalName());
  }
}
