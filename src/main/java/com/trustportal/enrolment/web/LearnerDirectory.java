package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The admin's learner list: paged, sorted and searched in the database (a page at a time, so 10,000
 * learners cost one page), with deactivate, reactivate and a new invitation link.
 */
@Named
@ViewScoped
public class LearnerDirectory implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Learners learners;
  @Inject CurrentUser user;
  @Inject FacesContext faces;
  @Inject TenantDirectory directory;

  private String query = "";
  private String link;
  private String linkFor;
  private final LazyDataModel<Person> model = new Page();

  /**
   * One account as the table shows it: the page keeps these (a lazy model keeps its current page), so they are
   * small serialisable values, never the entities.
   */
  public record Person(String id, String name, String email, String team, Role role, String managerName,
      boolean active, boolean hasPassword) implements Serializable {

    private static final long serialVersionUID = 1L;

    static Person of(Account a) {
      return new Person(a.id(), a.name(), a.email(), a.team(), a.role(), a.manager() == null ? null : a.manager().name(),
          a.active(), a.passwordHash() != null);
    }
  }

  private final class Page extends LazyDataModel<Person> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) learners.count(user.get(), query);
    }

    @Override
    public List<Person> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      return learners.page(user.get(), first, pageSize, sort == null ? "name" : sort.getField(),
          sort == null || sort.getOrder() != SortOrder.DESCENDING, query).stream().map(Person::of).toList();
    }

    @Override
    public String getRowKey(Person person) {
      return person.id();
    }
  }

  public void deactivate(String accountId, String name) {
    run(() -> learners.deactivate(user.get(), accountId), name + " is deactivated; their seat is free and their history kept.");
  }

  public void reactivate(String accountId, String name) {
    run(() -> learners.reactivate(user.get(), accountId), name + " is active again.");
  }

  /** A new invitation link for an account without a password; shown once on the page. */
  public void reissue(String accountId, String email) {
    link = null;
    run(() -> {
      link = InvitationLinks.of(faces, learners.reissueInvitation(user.get(), accountId));
      linkFor = email;
    }, "A new invitation link for " + email + " is below; earlier links no longer work.");
  }

  public String getLink() {
    return link;
  }

  public String getLinkFor() {
    return linkFor;
  }

  private void run(Runnable change, String done) {
    try {
      change.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (LearnerChangeRefused e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (EJBException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, cause.getMessage(), null));
    }
  }

  public int getSeats() {
    return TenantContext.current().flatMap(directory::bySlug).map(TenantConfig::seats).orElse(0);
  }

  public long getSeatsUsed() {
    return learners.seatsUsed(user.get());
  }

  public LazyDataModel<Person> getModel() {
    return model;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null ? "" : query;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
