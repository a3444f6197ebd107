package com.trustportal.team.web;

import com.trustportal.enrolment.control.LearnerCsv;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.team.boundary.TeamReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** "My team" for managers: the team report, and its export as CSV (safe to open in a spreadsheet). */
@Named
@RequestScoped
public class TeamPage {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Inject TeamReport report;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  private List<TeamReport.Row> rows = List.of();

  public void load() {
    rows = report.myTeam(user.get());
  }

  public void export() throws IOException {
    List<List<String>> cells = new ArrayList<>();
    for (TeamReport.Row r : report.myTeam(user.get())) {
      cells.add(List.of(r.name(), r.email(), text(r.team()), r.courseTitle(), r.status().label(),
          Integer.toString(r.percent()), r.lastActivity() == null ? "" : MINUTE.format(r.lastActivity()),
          r.bestScore() == null ? "" : r.bestScore().toString(), day(r.due()), text(r.certificate()),
          day(r.certificateExpires())));
    }
    byte[] csv = LearnerCsv.export(List.of("name", "email", "team", "course", "status", "progress %",
        "last activity (UTC)", "best score %", "due", "certificate", "certificate expires"), cells)
        .getBytes(StandardCharsets.UTF_8);
    ExternalContext ec = faces.getExternalContext();
    ec.responseReset();
    ec.setResponseContentType("text/csv; charset=UTF-8");
    ec.setResponseHeader("Content-Disposition", "attachment; filename=\"my-team.csv\"");
    ec.setResponseContentLength(csv.length);
    ec.getResponseOutputStream().write(csv);
    faces.responseComplete();
  }

  public String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  public String minute(Instant at) {
    return at == null ? "never" : MINUTE.format(at);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  public List<TeamReport.Row> getRows() {
    return rows;
  }
}
