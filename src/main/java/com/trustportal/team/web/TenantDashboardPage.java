package com.trustportal.team.web;

import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.team.boundary.TeamReport;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The tenant admin's dashboard: seats, learners by status, certificates, funnels and heat maps of the whole tenant,
 * and every seat holder's row in a lazy table (a page at a time: 10,000 learners are never rendered at once).
 */
@Named
@ViewScoped
public class TenantDashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Inject transient TeamReport report;
  @Inject CurrentUser user;

  private transient TeamReport.TenantDashboard dashboard;
  private transient List<TeamPage.CourseView> courses = List.of();
  private long seatsUsed;
  private int courseCount;
  private String statusChart = "";
  private transient List<TeamPage.Count> statuses = List.of();
  private String certificateChart = "";
  private final LazyDataModel<TeamReport.Row> learners = new Page();

  private final class Page extends LazyDataModel<TeamReport.Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, seatsUsed * Math.max(1, courseCount));
    }

    @Override
    public List<TeamReport.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
        Map<String, FilterMeta> filterBy) {
      // one row per learner and course: page by learners
      int perLearner = Math.max(1, courseCount);
      return report.learnerPage(user.get(), first / perLearner, Math.max(1, pageSize / perLearner));
    }

    @Override
    public String getRowKey(TeamReport.Row row) {
      return row.accountId() + "/" + row.courseTitle();
    }
  }

  public void load() {
    dashboard = report.tenantDashboard(user.get());
    seatsUsed = dashboard.seatsUsed();
    courseCount = dashboard.courses().size();
    courses = dashboard.courses().stream().map(c -> new TeamPage.CourseView(c, Charts.funnel(c))).toList();
    statuses = TeamPage.counts(dashboard.statuses());
    statusChart = Charts.counts(TeamPage.labelled(dashboard.statuses()), "Learners and courses");
    Map<String, Long> certificates = new LinkedHashMap<>();
    dashboard.certificates().forEach((s, n) -> certificates.put(s.label(), n));
    certificateChart = Charts.counts(certificates, "Certificates");
  }

  public long certificates(CertificateStatus status) {
    return dashboard == null ? 0 : dashboard.certificates().getOrDefault(status, 0L);
  }

  public String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  public String minute(Instant at) {
    return at == null ? "never" : MINUTE.format(at);
  }

  public TeamReport.TenantDashboard getDashboard() {
    return dashboard;
  }

  public List<TeamPage.CourseView> getCourses() {
    return courses;
  }

  public List<TeamPage.Count> getStatuses() {
    return statuses;
  }

  public String getStatusChart() {
    return statusChart;
  }

  public String getCertificateChart() {
    return certificateChart;
  }

  public LazyDataModel<TeamReport.Row> getLearners() {
    return learners;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
