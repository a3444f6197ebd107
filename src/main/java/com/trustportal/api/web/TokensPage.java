package com.trustportal.api.web;

import com.trustportal.api.boundary.ApiTokens;
import com.trustportal.api.entity.ApiToken;
import com.trustportal.identity.web.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An admin's page for the tenant's tokens of one {@link ApiToken.Kind}: create one (its secret is shown on the page
 * once), see them all, revoke. {@link ApiTokensPage} (REST API) and {@code scim.web.ScimTokensPage} (SCIM) differ
 * only in the kind and in what their notices say.
 */
public abstract class TokensPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject transient ApiTokens tokens;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  /** A token as the list shows it (the secret is never part of it). */
  public record Row(String id, String name, String prefix, String created, String createdBy, String lastUsed,
      String revoked, boolean active) implements Serializable {}

  // read from the database on every load and grows with the tenant's tokens: this node's requests only, not session
  private transient List<Row> rows = List.of();
  private String name;
  private String secret;

  /** The kind of token this page lists and makes. */
  protected abstract ApiToken.Kind kind();

  /** The notice after {@code name} was created (its secret is on the page once). */
  protected abstract String created(String name);

  /** The notice after {@code name} was revoked. */
  protected abstract String revoked(String name);

  public void load() {
    rows = tokens.all(user.get(), kind()).stream().map(TokensPage::row).toList();
  }

  public void create() {
    try {
      ApiTokens.Created created = tokens.create(user.get(), kind(), name);
      secret = created.secret();
      name = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, created(created.token().name()), null));
    } catch (EJBException | IllegalArgumentException e) {
      refused(e);
    }
    load();
  }

  public void revoke(String id) {
    try {
      ApiToken token = tokens.revoke(user.get(), id);
      secret = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, revoked(token.name()), null));
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
    return new Row(t.id(), t.name(), t.prefix(), minute(t.createdAt()), t.createdBy(),
        t.lastUsedAt() == null ? "never" : minute(t.lastUsedAt()), t.revokedAt() == null ? "" : minute(t.revokedAt()),
        t.active());
  }

  private static String minute(Instant at) {
    return MINUTE.format(at);
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

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
