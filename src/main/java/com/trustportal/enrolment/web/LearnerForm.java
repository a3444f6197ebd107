package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.enrolment.boundary.NewLearner;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.web.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The admin's form for one learner (admin/learner.xhtml): without {@code id} it adds a learner and shows
 * their invitation link once; with {@code id} it edits name, team, manager, role and due date, and can
 * issue a new invitation link while the learner has not set a password.
 */
@Named
@ViewScoped
public class LearnerForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Learners learners;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  private String id;
  private String email;
  private String name;
  private String team;
  private String managerEmail;
  private Role role = Role.LEARNER;
  private LocalDate due;
  private boolean invited;
  private boolean admin;
  private String link;
  private List<Manager> managers = List.of();

  /** A manager to choose from: name and e-mail only, so the view keeps no entity. */
  public record Manager(String id, String name, String email) implements Serializable {

    private static final long serialVersionUID = 1L;

    static Manager of(Account account) {
      return new Manager(account.id(), account.name(), account.email());
    }

    static List<Manager> of(List<Account> accounts) {
      return accounts.stream().map(Manager::of).toList();
    }
  }
  private List<String> teams = List.of();

  public void load() {
    managers = Manager.of(learners.managers(user.get()));
    teams = learners.teams(user.get());
    if (isEditing()) {
      try {
        show(learners.account(user.get(), id));
      } catch (LearnerChangeRefused e) {
        id = null;
        message(FacesMessage.SEVERITY_ERROR, e.getMessage());
      }
    }
  }

  public void save() {
    NewLearner form = new NewLearner(email, name, team, managerEmail, role, due);
    try {
      if (isEditing()) {
        show(learners.edit(user.get(), id, form));
        message(FacesMessage.SEVERITY_INFO, name + " is saved.");
      } else {
        Learners.Added added = learners.add(user.get(), form);
        link = InvitationLinks.of(faces, added.invitationToken());
        id = added.account().id();
        show(added.account());
        message(FacesMessage.SEVERITY_INFO, added.account().name() + " is added and invited; copy the link below"
            + " (it is also e-mailed when the portal sends e-mail).");
      }
      teams = learners.teams(user.get());
      managers = Manager.of(learners.managers(user.get()));
    } catch (LearnerChangeRefused e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }

  public void reissue() {
    try {
      link = InvitationLinks.of(faces, learners.reissueInvitation(user.get(), id));
      message(FacesMessage.SEVERITY_INFO, "A new invitation link for " + email + "; earlier links no longer work.");
    } catch (LearnerChangeRefused e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  private void show(Account account) {
    email = account.email();
    name = account.name();
    team = account.team();
    managerEmail = account.manager() == null ? null : account.manager().email();
    role = account.role();
    admin = account.role() == Role.ADMIN;
    invited = account.passwordHash() == null && account.active();
    if (account.manager() != null && managers.stream().noneMatch(m -> m.id().equals(account.manager().id()))) {
      // an import may name any account as manager: keep it selectable
      managers = Stream.concat(managers.stream(), Stream.of(Manager.of(account.manager()))).toList();
    }
  }

  private void message(FacesMessage.Severity severity, String text) {
    faces.addMessage(null, new FacesMessage(severity, text, null));
  }

  public boolean isEditing() {
    return id != null && !id.isBlank();
  }

  public List<Role> getRoles() {
    return admin ? List.of(Role.ADMIN, Role.MANAGER, Role.LEARNER) : List.of(Role.LEARNER, Role.MANAGER);
  }

  public boolean isInvited() { return invited; }
  public String getLink() { return link; }
  public List<Manager> getManagers() { return managers; }
  public List<String> getTeams() { return teams; }
  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getTeam() { return team; }
  public void setTeam(String team) { this.team = team; }
  public String getManagerEmail() { return managerEmail; }
  public void setManagerEmail(String managerEmail) { this.managerEmail = managerEmail; }
  public Role getRole() { return role; }
  public void setRole(Role role) { this.role = role; }
  public LocalDate getDue() { return due; }
  public void setDue(LocalDate due) { this.due = due; }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
