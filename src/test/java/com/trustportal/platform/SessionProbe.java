package com.trustportal.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only: serialises every attribute of the caller's session with plain Java serialisation, as a session store or
 * a cluster would, reads it back, and answers each one's size in bytes (or why it cannot be written or read back)
 * and the whole session's size, as JSON. The whole session is also written as one map, since shared objects are written once.
 */
@WebServlet("/it-session-size")
public class SessionProbe extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(false);
    StringBuilder json = new StringBuilder("{\"attributes\":{");
    Map<String, Object> all = new TreeMap<>();
    if (session != null) {
      boolean first = true;
      for (String name : Collections.list(session.getAttributeNames())) {
        Object value = session.getAttribute(name);
        all.put(name, value);
        json.append(first ? "" : ",").append('"').append(escape(name)).append("\":");
        first = false;
        try {
          json.append(size(value));
        } catch (IOException | RuntimeException e) {
          json.append('"').append(escape("not serialisable: " + e)).append('"');
        }
      }
    }
    json.append("},\"total\":");
    try {
      json.append(size(new java.util.HashMap<>(all)));
    } catch (IOException | RuntimeException e) {
      json.append(-1);
    }
    json.append('}');
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(json.toString());
  }

  /** Writes {@code value} and reads it back (a session restored on another node), answering the written size. */
  private static int size(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
    } catch (ClassNotFoundException | IOException | RuntimeException e) {
      throw new IOException("written (" + bytes.size() + " bytes) but not read back: " + e, e);
    }
    return bytes.size();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
