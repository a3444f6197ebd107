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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "My team" for managers: the team report with its funnel and heat maps, and its export as CSV. */
@Named
@RequestScoped
public class TeamPage {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** A course's figures with its funnel chart's JSON, computed once when the page loads. */
  public record CourseView(TeamReport.CourseFigures figures, String funnelChart) {}

  /** A labelled figure for the page. */
  public record Count(String label, long value) {}

  @Inject TeamReport report;
  @Inject CurrentUser user;
  @Inject FacesContext faces;

  private TeamReport.TeamDashboard dashboard;
  private List<CourseView> courses = List.of();
  private List<Count> statuses = List.of();

  public void load() {
    dashboard = report.teamDashboard(user.get());
    courses = dashboard.courses().stream().map(c -> new CourseView(c, Charts.funnel(c))).toList();
    statuses = counts(dashboard.statuses());
  }

  static List<Count> counts(Map<TeamReport.Status, Long> statuses) {
    return statuses.entrySet().stream().map(e -> new Count(e.getKey().label(), e.getValue())).toList();
  }

  static Map<String, Long> labelled(Map<TeamReport.Status, Long> statuses) {
    Map<String, Long> labelled = new LinkedHashMap<>();
    statuses.forEach((s, n) -> labelled.put(s.label(), n));
    return labelled;
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
    return dashboard == null ? List.of() : dashboard.rows();
  }

  public TeamReport.TeamDashboard getDashboard() {
    return dashboard;
  }

  public List<CourseView> getCourses() {
    return courses;
  }

  public List<Count> getStatuses() {
    return statuses;
  }

}
