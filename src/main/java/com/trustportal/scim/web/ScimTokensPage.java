package com.trustportal.scim.web;

import com.trustportal.api.entity.ApiToken;
import com.trustportal.api.web.TokensPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** Administration → SCIM tokens: the tokens an identity provider provisions users with. */
@Named
@ViewScoped
public class ScimTokensPage extends TokensPage {

  private static final long serialVersionUID = 1L;

  @Override
  protected ApiToken.Kind kind() {
    return ApiToken.Kind.SCIM;
  }

  @Override
  protected String created(String name) {
    return "SCIM token '" + name + "' created. Copy it into your identity provider now: it is not shown again.";
  }

  @Override
  protected String revoked(String name) {
    return "SCIM token '" + name + "' revoked: provisioning with it is refused from now on.";
  }
}
