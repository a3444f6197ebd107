package com.trustportal.api.web;

import com.trustportal.api.entity.ApiToken;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** Administration → API tokens: the tokens an integrating system calls the REST API with. */
@Named
@ViewScoped
public class ApiTokensPage extends TokensPage {

  private static final long serialVersionUID = 1L;

  @Override
  protected ApiToken.Kind kind() {
    return ApiToken.Kind.API;
  }

  @Override
  protected String created(String name) {
    return "Token '" + name + "' created. Copy it now: it is not shown again.";
  }

  @Override
  protected String revoked(String name) {
    return "Token '" + name + "' revoked: calls with it are refused from now on.";
  }
}
