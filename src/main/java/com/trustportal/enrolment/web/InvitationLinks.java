package com.trustportal.enrolment.web;

import com.trustportal.tenant.web.TenantFilter;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The invitation link an admin copies, under the address the admin is using right now. */
final class InvitationLinks {

  private InvitationLinks() {}

  static String of(FacesContext faces, String token) {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
        + request.getAttribute(TenantFilter.BASE) + "/invite.xhtml?token=" + token;
  }
}
