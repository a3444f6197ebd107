package com.trustportal.scim.web;

import com.trustportal.api.boundary.ApiTokens;
import com.trustportal.api.entity.ApiToken;
import com.trustportal.identity.web.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Administration → SCIM tokens: the tokens an identity provider provisions users with; create (shown once), revoke. */
@Named
@ViewScoped
public class ScimTokensPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject transient ApiTokens tokens;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  /** A token as the list shows it (the secret is never part of it). */
  public record Row(String id, String name, String prefix, String created, String lastUsed, boolean active)
      implements Serializable {}

  private transient List<Row> rows = List.of();
  private String name;
  private String secret;

  public void load() {
    rows = tokens.all(user.get(), ApiToken.Kind.SCIM).stream().map(ScimTokensPage::row).toList();
  }

  public void create() {
    try {
      ApiTokens.Created created = tokens.create(user.get(), ApiToken.Kind.SCIM, name);
      secret = created.secret();
      name = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "SCIM token '" + created.token().name()
          + "' created. Copy it into your identity provider now: it is not shown again.", null));
    } catch (EJBException | IllegalArgumentException e) {
      refused(e);
    }
    load();
  }

  public void revoke(String id) {
    try {
      ApiToken token = tokens.revoke(user.get(), id);
      secret = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "SCIM token '" + token.name()
          + "' revoked: provisioning with it is refused from now on.", null));
    } catch (EJBException | IllegalArgumentException e) {
      refused(e);
    }
    load();
  }

  private void refused(RuntimeException e) {
    Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, cause.getMessage(), null));
  }

  private static Row row(ApiToken t) {
    return new Row(t.id(), t.name(), t.prefix(), MINUTE.format(t.createdAt()) + " by " + t.createdBy(),
        t.lastUsedAt() == null ? "never" : MINUTE.format(t.lastUsedAt()), t.active());
  }

  public List<Row> getRows() {
    return rows == null ? List.of() : rows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSecret() {
    return secret;
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
