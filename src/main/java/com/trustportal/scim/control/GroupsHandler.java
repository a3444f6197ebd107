package com.trustportal.scim.control;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.identity.entity.Account;
import com.trustportal.scim.entity.ScimGroup;
import de.captaingoldfish.scim.sdk.common.constants.ResourceTypeNames;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM groups as teams. A member of a group is an account whose team is the group's name; an account is in
 * one team at a time, so adding it to a second group moves it there. Renaming a group renames the team of
 * all its members; deleting it leaves its members without a team. Roles are not given by groups.
 */
public class GroupsHandler extends ResourceHandler<Group> {

  private final EntityManager em;
  private final AuditTrail audit;
  private final Clock clock;

  public GroupsHandler(EntityManager em, AuditTrail audit, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Group createResource(Group group, Context context) {
    String name = name(group);
    if (byName(name).isPresent()) {
      throw new ConflictException("displayName: a group named '" + name + "' exists in this organisation", null,
          ScimType.RFC7644.UNIQUENESS);
    }
    ScimGroup created = new ScimGroup(name, group.getExternalId().orElse(null), clock.instant());
    em.persist(created);
    Set<Account> members = members(group);
    members.forEach(a -> a.moveToTeam(name));
    audit.record(ScimCaller.of(context), AuditEntry.Action.SCIM_GROUP_CHANGED, "team " + name,
        "created with " + members.size() + " member(s)");
    return toScim(created, context);
  }

  @Override
  public Group getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
      Context context) {
    return toScim(find(id, false), context);
  }

  @Override
  public PartialListResponse<Group> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
      SortOrder sortOrder, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes, Context context) {
    if (filter != null) {
      String name = UsersHandler.equalityOn(filter, "displayName");
      List<Group> found = byName(name.strip()).map(g -> toScim(g, context)).stream().toList();
      return PartialListResponse.<Group>builder().resources(found).totalResults(found.size()).build();
    }
    List<Group> page = em.createNamedQuery(ScimGroup.FIND_ALL, ScimGroup.class)
        .setFirstResult((int) Math.max(0, startIndex - 1)).setMaxResults(Math.max(0, count)).getResultStream()
        .map(g -> toScim(g, context)).toList();
    long total = em.createNamedQuery(ScimGroup.COUNT, Long.class).getSingleResult();
    return PartialListResponse.<Group>builder().resources(page).totalResults(total).build();
  }

  /** PUT, and PATCH once the SDK has applied the operations: the group's whole new name and member list. */
  @Override
  public Group updateResource(Group group, Context context) {
    ScimGroup stored = find(group.getId().orElse(null), true);
    String oldName = stored.displayName();
    String name = name(group);
    if (!name.equals(oldName)) {
      if (byName(name).isPresent()) {
        throw new ConflictException("displayName: a group named '" + name + "' exists in this organisation", null,
            ScimType.RFC7644.UNIQUENESS);
      }
      stored.rename(name);
    }
    group.getExternalId().ifPresent(stored::identifyAs);
    Set<Account> wanted = members(group);
    List<Account> current = inTeam(oldName);
    int removed = 0;
    for (Account account : current) {
      if (!wanted.contains(account)) {
        account.moveToTeam(null);
        removed++;
      }
    }
    wanted.forEach(a -> a.moveToTeam(name));
    audit.record(ScimCaller.of(context), AuditEntry.Action.SCIM_GROUP_CHANGED, "team " + name,
        (name.equals(oldName) ? "" : "renamed from " + oldName + "; ") + wanted.size() + " member(s), " + removed
            + " removed");
    return toScim(stored, context);
  }

  @Override
  public void deleteResource(String id, Context context) {
    ScimGroup stored = find(id, true);
    List<Account> members = inTeam(stored.displayName());
    members.forEach(a -> a.moveToTeam(null));
    em.remove(stored);
    audit.record(ScimCaller.of(context), AuditEntry.Action.SCIM_GROUP_CHANGED, "team " + stored.displayName(),
        "deleted; " + members.size() + " member(s) now without a team");
  }

  private static String name(Group group) {
    try {
      return ScimGroup.checkedName(group.getDisplayName().orElse(null));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage(), null, ScimType.RFC7644.INVALID_VALUE);
    }
  }

  /** The accounts a group lists, each an account of this tenant; members that are groups are refused. */
  private Set<Account> members(Group group) {
    Set<Account> accounts = new LinkedHashSet<>();
    for (Member member : group.getMembers()) {
      String id = member.getValue().orElse("");
      Account account = id.isBlank() ? null : em.find(Account.class, id.strip());
      if (account == null) {
        throw new BadRequestException("members[value eq \"" + id + "\"]: no user with this id in this organisation"
            + " (a group's members are users)", null, ScimType.RFC7644.INVALID_VALUE);
      }
      accounts.add(account);
    }
    return accounts;
  }

  private List<Account> inTeam(String team) {
    return em.createNamedQuery(Account.FIND_IN_TEAM, Account.class).setParameter("team", team).getResultList();
  }

  private Optional<ScimGroup> byName(String name) {
    return em.createNamedQuery(ScimGroup.FIND_BY_NAME, ScimGroup.class).setParameter("name", name).getResultStream()
        .findFirst();
  }

  private ScimGroup find(String id, boolean forUpdate) {
    ScimGroup group = id == null ? null
        : forUpdate ? em.find(ScimGroup.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(ScimGroup.class, id);
    if (group == null) {
      throw new ResourceNotFoundException("id: no group with id '" + id + "' in this organisation");
    }
    return group;
  }

  private Group toScim(ScimGroup stored, Context context) {
    Group group = new Group();
    group.setId(stored.id());
    group.setDisplayName(stored.displayName());
    if (stored.externalId() != null) {
      group.setExternalId(stored.externalId());
    }
    group.setMembers(inTeam(stored.displayName()).stream().map(a -> Member.builder().value(a.id()).display(a.name())
        .type("User").build()).toList());
    Meta.MetaBuilder meta = Meta.builder().resourceType(ResourceTypeNames.GROUPS).created(stored.createdAt())
        .lastModified(stored.createdAt());
    if (context != null) {
      meta.location(context.getResourceReferenceUrl(stored.id()));
    }
    group.setMeta(meta.build());
    return group;
  }
}
