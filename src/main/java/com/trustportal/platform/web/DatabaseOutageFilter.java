package com.trustportal.platform.web;

import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.DatabaseStatus;
import com.trustportal.platform.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The outermost filter (declared first in {@code web.xml}): a request that fails because the database is unreachable
 * answers 503 with {@code Retry-After}, never 500. Pages get the branded "temporarily unavailable, your work is saved"
 * page ({@code /errors/503.html}), {@code /api/} a problem document, a Faces AJAX request a partial response that
 * keeps the learner on the page. Any other failure passes on unchanged. While the node, started without its
 * database, waits for it, every page answers so.
 */
public class DatabaseOutageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  /** Seconds a client should wait before trying again: the pool reconnects within a few seconds of the database. */
  public static final String RETRY_AFTER_SECONDS = "10";

  @Inject DatabaseStatus status;
  @Inject Startup startup;
  /**
   * Shows the "not saved" message where the page keeps its messages (the first {@code role="status"} region), as the
   * page itself would after {@link OutageExceptionHandler}; the learner's input stays in the form.
   */
  private static final String NOT_SAVED_SCRIPT = "(function(){var box=document.querySelector('[role=status]');"
      + "if(!box){box=document.createElement('div');box.setAttribute('role','status');document.body.prepend(box);}"
      + "var list=document.createElement('ul');list.className='form-messages';var item=document.createElement('li');"
      + "item.className='form-message-error';item.textContent='" + OutageExceptionHandler.NOT_SAVED.replace("'", "\\'")
      + "';list.appendChild(item);box.replaceChildren(list);})();";
  private byte[] page;

  @Override
  public void init() throws ServletException {
    try (InputStream in = getServletContext().getResourceAsStream("/errors/503.html")) {
      page = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new ServletException("the outage page /errors/503.html is missing", e);
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (startup.waitingForDatabase().isPresent() && !path.startsWith("/health") && !path.startsWith("/errors/")
        && !path.startsWith("/jakarta.faces.resource/")) {
      answer(req, res); // started without its database: no tenant is known yet, so not "404" but "come back soon"
      return;
    }
    try {
      chain.doFilter(req, res);
    } catch (IOException | ServletException | RuntimeException e) {
      Optional<String> outage = DatabaseOutage.reason(e);
      if (outage.isEmpty() || res.isCommitted()) {
        throw e;
      }
      status.unreachable(outage.get());
      res.reset();
      answer(req, res);
    }
  }

  private void answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    res.setHeader("Cache-Control", "no-store");
    res.setCharacterEncoding("UTF-8");
    String path = req.getRequestURI().substring(req.getContextPath().length());
    byte[] body;
    if (path.startsWith("/api/")) {
      res.setContentType("application/problem+json");
      body = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"the portal cannot"
          + " reach its database; nothing was changed, try again in " + RETRY_AFTER_SECONDS + " s\",\"instance\":\""
          + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
    } else if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      // Faces' script reads a partial response only from a 2xx answer; a 503 would end as a silent "httpError" and
      // the learner would never see that the text was not saved. OutageExceptionHandler answers the same way.
      res.setStatus(HttpServletResponse.SC_OK);
      res.setContentType("text/xml");
      body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes><eval><![CDATA[" + NOT_SAVED_SCRIPT
          + "]]></eval></changes></partial-response>").getBytes(StandardCharsets.UTF_8);
    } else {
      res.setContentType("text/html");
      body = page;
    }
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
