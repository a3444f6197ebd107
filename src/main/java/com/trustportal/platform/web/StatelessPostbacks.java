package com.trustportal.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.UIViewRoot;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lets a stateless page ({@code <f:view transient="true">}) post back. Such a view keeps nothing on the server, so a
 * post-back rebuilds it from the request alone; its forms therefore post to the URL the page was requested with,
 * query string included, so every form of the page (the page's own and the template's sign-out) and every AJAX call
 * sends the parameters the page was built from. Stateful views keep Faces' plain action URL, and so do redirects and
 * links, which Faces builds from the action URL too (a redirect to the next step must not repeat this step's query).
 */
public class StatelessPostbacks extends ViewHandlerWrapper {

  public StatelessPostbacks(ViewHandler wrapped) {
    super(wrapped);
  }

  private static final String PLAIN = StatelessPostbacks.class.getName() + ".plain";

  @Override
  public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
      boolean includeViewParams) {
    return plain(context, () -> super.getRedirectURL(context, viewId, parameters, includeViewParams));
  }

  @Override
  public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
      boolean includeViewParams) {
    return plain(context, () -> super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
  }

  private static String plain(FacesContext context, Supplier<String> url) {
    Map<Object, Object> attributes = context.getAttributes();
    Object before = attributes.put(PLAIN, Boolean.TRUE);
    try {
      return url.get();
    } finally {
      if (before == null) {
        attributes.remove(PLAIN);
      }
    }
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String url = super.getActionURL(context, viewId);
    UIViewRoot root = context.getViewRoot();
    if (context.getAttributes().containsKey(PLAIN) || root == null || !root.isTransient() || !viewId.equals(root.getViewId()) || url.indexOf('?') >= 0) {
      return url;
    }
    String query = ((HttpServletRequest) context.getExternalContext().getRequest()).getQueryString();
    return query == null || query.isEmpty() ? url : url + "?" + query;
  }
}
