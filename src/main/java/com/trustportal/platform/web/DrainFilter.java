package com.trustportal.platform.web;

import com.trustportal.platform.GracefulStop;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the requests running, so that a stopping node waits for them ({@link GracefulStop}), and while the node
 * drains asks clients to close their connection after the answer, so that their next request opens one to a node
 * that stays.
 */
public class DrainFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject GracefulStop stop;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    stop.requestStarted();
    try {
      if (stop.draining()) {
        res.setHeader("Connection", "close");
      }
      chain.doFilter(req, res);
    } finally {
      stop.requestEnded();
    }
  }
}
