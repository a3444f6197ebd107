package com.trustportal.scim.control;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.enrolment.control.LearnerCsv;
import com.trustportal.enrolment.control.Seats;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import de.captaingoldfish.scim.sdk.common.constants.ResourceTypeNames;
import de.captaingoldfish.scim.sdk.common.constants.SchemaUris;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.EnterpriseUser;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Manager;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.complex.Name;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Email;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SCIM users as the portal's accounts: {@code userName} is the e-mail (the account's identity, never
 * changed), the name is the account's name, {@code active} is the account's state (deactivating ends its
 * sessions and frees its seat; activating needs a free seat), the enterprise extension's {@code manager.value}
 * is the SCIM id of the account it reports to. New accounts are learners without a password: they sign in by
 * single sign-on, or set a password through "forgot password". Runs inside the boundary's transaction.
 */
public class UsersHandler extends ResourceHandler<User> {

  private final EntityManager em;
  private final AuditTrail audit;
  private final TenantDirectory directory;
  private final Clock clock;

  public UsersHandler(EntityManager em, AuditTrail audit, TenantDirectory directory, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public User createResource(User user, Context context) {
    String email = email(user);
    requireFreeSeat(); // also the lock under which the duplicate check cannot race
    if (byEmail(email).isPresent()) {
      throw new ConflictException("userName: " + email + " already has an account in this organisation", null,
          ScimType.RFC7644.UNIQUENESS);
    }
    Account account = new Account(email, name(user, email), Role.LEARNER, null, clock.instant());
    em.persist(account);
    em.flush();
    account.reportTo(manager(user, account));
    if (!user.isActive().orElse(true)) {
      account.deactivate();
    }
    audit.record(ScimCaller.of(context), AuditEntry.Action.SCIM_USER_CREATED, email, describe(account));
    return toScim(account, context);
  }

  @Override
  public User getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
      Context context) {
    return toScim(find(id, false), context);
  }

  @Override
  public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
      SortOrder sortOrder, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
    if (filter != null) {
      String userName = equalityOn(filter, "userName");
      List<User> found = byEmail(Account.normalise(userName)).map(a -> toScim(a, context)).stream().toList();
      return PartialListResponse.<User>builder().resources(found).totalResults(found.size()).build();
    }
    List<User> page = em.createQuery("select a from Account a order by a.email", Account.class)
        .setFirstResult((int) Math.max(0, startIndex - 1)).setMaxResults(Math.max(0, count)).getResultStream()
        .map(a -> toScim(a, context)).toList();
    long total = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    return PartialListResponse.<User>builder().resources(page).totalResults(total).build();
  }

  /** PUT, and PATCH once the SDK has applied the operations to the current user: the whole new state. */
  @Override
  public User updateResource(User user, Context context) {
    Account account = find(user.getId().orElse(null), true);
    String before = describe(account);
    String email = email(user);
    if (!email.equals(account.email())) {
      throw new BadRequestException("userName: the e-mail address of an account cannot be changed (" + account.email()
          + "); create a new user and deactivate this one", null, ScimType.RFC7644.MUTABILITY);
    }
    account.rename(changedName(user, account));
    account.reportTo(manager(user, account));
    boolean active = user.isActive().orElse(true);
    if (active && !account.active()) {
      if (account.role() != Role.ADMIN) {
        requireFreeSeat();
      }
      account.reactivate();
    } else if (!active && account.active()) {
      deactivate(account, context);
    }
    String after = describe(account);
    if (!before.equals(after)) {
      audit.record(ScimCaller.of(context), AuditEntry.Action.SCIM_USER_CHANGED, email, before + " → " + after);
    }
    return toScim(account, context);
  }

  /** Deleting keeps the account's history (progress, certificates): the account is deactivated. */
  @Override
  public void deleteResource(String id, Context context) {
    Account account = find(id, true);
    if (account.active()) {
      deactivate(account, context);
    }
  }

  private void deactivate(Account account, Context context) {
    SignedInUser caller = ScimCaller.of(context);
    if (account.role() == Role.ADMIN && em.createNamedQuery(Account.COUNT_ACTIVE_BY_ROLE, Long.class)
        .setParameter("role", Role.ADMIN).getSingleResult() <= 1) {
      throw new ConflictException("active: " + account.email() + " is the organisation's last admin and stays active",
          null, ScimType.RFC7644.MUTABILITY);
    }
    account.deactivate();
    audit.record(caller, AuditEntry.Action.SCIM_USER_DEACTIVATED, account.email(),
        account.name() + "; sessions ended, seat freed");
  }

  /** The one filter identity providers send before creating a user: {@code userName eq "..."}. */
  static String equalityOn(FilterNode filter, String attribute) {
    if (filter instanceof AttributeExpressionLeaf leaf && leaf.getComparator() == Comparator.EQ
        && attribute.equalsIgnoreCase(leaf.getShortName()) && leaf.getValue() != null) {
      return leaf.getValue();
    }
    throw new BadRequestException("filter: only '" + attribute + " eq \"...\"' is supported here", null,
        ScimType.RFC7644.INVALID_FILTER);
  }

  private String email(User user) {
    String value = user.getUserName().map(LearnerCsv::clean).orElse("");
    if (!LearnerCsv.isEmail(value)) {
      throw new BadRequestException("userName: must be the person's e-mail address, got '"
          + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'", null, ScimType.RFC7644.INVALID_VALUE);
    }
    return Account.normalise(value);
  }

  private static String name(User user, String email) {
    Optional<Name> name = user.getName();
    String formatted = name.flatMap(Name::getFormatted).map(String::strip).orElse("");
    if (formatted.isEmpty()) {
      formatted = (name.flatMap(Name::getGivenName).orElse("") + " " + name.flatMap(Name::getFamilyName).orElse("")).strip();
    }
    if (formatted.isEmpty()) {
      formatted = user.getDisplayName().map(String::strip).orElse(email);
    }
    List<String> problems = LearnerCsv.textProblems(formatted, 2 * LearnerCsv.MAX_NAME + 1);
    if (!problems.isEmpty()) {
      throw new BadRequestException("name.formatted: " + problems.get(0), null, ScimType.RFC7644.INVALID_VALUE);
    }
    return formatted;
  }

  /**
   * The name after an update. The portal keeps one name, which it answers as both {@code displayName} and
   * {@code name.formatted}; Entra changes one of them (a PATCH of {@code displayName} alone), Okta sends given
   * and family name. Whichever differs from the stored name is the new one.
   */
  private static String changedName(User user, Account account) {
    Optional<String> display = user.getDisplayName().map(String::strip).filter(n -> !n.isEmpty());
    Optional<Name> name = user.getName();
    Optional<String> formatted = name.flatMap(Name::getFormatted).map(String::strip).filter(n -> !n.isEmpty());
    String given = (name.flatMap(Name::getGivenName).orElse("") + " " + name.flatMap(Name::getFamilyName).orElse(""))
        .strip();
    String chosen = display.filter(n -> !n.equals(account.name()))
        .or(() -> formatted.filter(n -> !n.equals(account.name())))
        .orElse(given.isEmpty() || formatted.isPresent() ? account.name() : given);
    List<String> problems = LearnerCsv.textProblems(chosen, 2 * LearnerCsv.MAX_NAME + 1);
    if (!problems.isEmpty()) {
      throw new BadRequestException("displayName: " + problems.get(0), null, ScimType.RFC7644.INVALID_VALUE);
    }
    return chosen;
  }

  /** The manager named by the enterprise extension: an account of this tenant, by its SCIM id, or none. */
  private Account manager(User user, Account account) {
    Optional<String> id = user.getEnterpriseUser().flatMap(EnterpriseUser::getManager).flatMap(Manager::getValue)
        .filter(v -> !v.isBlank());
    if (id.isEmpty()) {
      return null;
    }
    Account manager = em.find(Account.class, id.get().strip());
    if (manager == null) {
      throw new BadRequestException(SchemaUris.ENTERPRISE_USER_URI + ":manager.value: no user with id '"
          + id.get() + "' in this organisation", null, ScimType.RFC7644.INVALID_VALUE);
    }
    if (manager.id().equals(account.id())) {
      throw new BadRequestException(SchemaUris.ENTERPRISE_USER_URI + ":manager.value: a user cannot be"
          + " their own manager", null, ScimType.RFC7644.INVALID_VALUE);
    }
    return manager;
  }

  private Optional<Account> byEmail(String email) {
    return em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class).setParameter("email", email).getResultStream()
        .findFirst();
  }

  /** An account of this tenant; another tenant's id is not found, as if it did not exist. */
  private Account find(String id, boolean forUpdate) {
    Account account = id == null ? null
        : forUpdate ? em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Account.class, id);
    if (account == null) {
      throw new ResourceNotFoundException("id: no user with id '" + id + "' in this organisation");
    }
    return account;
  }

  private static String describe(Account account) {
    return account.name() + ", " + (account.active() ? "active" : "deactivated") + ", manager "
        + (account.manager() == null ? "none" : account.manager().email());
  }

  static User toScim(Account account, Context context) {
    User user = new User();
    user.setId(account.id());
    user.setUserName(account.email());
    Name name = new Name();
    name.setFormatted(account.name());
    user.setName(name);
    user.setDisplayName(account.name());
    user.setActive(account.active());
    user.setEmails(List.of(Email.builder().value(account.email()).type("work").primary(true).build()));
    if (account.manager() != null) {
      EnterpriseUser enterprise = new EnterpriseUser();
      Manager manager = new Manager();
      manager.setValue(account.manager().id());
      manager.setDisplayName(account.manager().name());
      enterprise.setManager(manager);
      user.setEnterpriseUser(enterprise);
    }
    Meta.MetaBuilder meta = Meta.builder().resourceType(ResourceTypeNames.USER).created(account.createdAt())
        .lastModified(Objects.requireNonNullElse(account.lastSignIn(), account.createdAt()));
    if (context != null) {
      meta.location(context.getResourceReferenceUrl(account.id()));
    }
    user.setMeta(meta.build());
    return user;
  }

  /** The seat limit (enrolment's one mechanism, under the tenant's seat lock), refused as a SCIM conflict. */
  private void requireFreeSeat() {
    TenantConfig tenant = directory.bySlug(TenantContext.require()).orElseThrow();
    if (!Seats.lockAndHasFree(em, tenant.seats())) {
      throw new ConflictException("active: seat limit reached: all " + tenant.seats() + " seats of " + tenant.name()
          + " are in use; deactivate a user first or ask for more seats", null, null);
    }
  }
}
