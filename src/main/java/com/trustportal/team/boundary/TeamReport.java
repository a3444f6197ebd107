package com.trustportal.team.boundary;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.identity.entity.Role;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.team.control.FiguresCache;
import com.trustportal.team.control.Funnel;
import com.trustportal.team.control.HeatMap;
import com.trustportal.team.control.Scope;
import com.trustportal.team.control.TeamReads;
import com.trustportal.team.control.TeamReads.Done;
import com.trustportal.team.control.TeamReads.LatestCertificate;
import com.trustportal.team.control.TeamReads.Member;
import com.trustportal.team.control.TeamReads.Recorded;
import com.trustportal.team.control.TeamReads.Round;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manager's team report and dashboard, and the tenant admin's dashboard. Only the signed-in manager's own direct
 * reports are read, inside the manager's tenant; the admin sees every seat holder of the tenant. All figures come
 * from grouped queries ({@link TeamReads}), so a page costs a fixed number of queries per offered course, whatever
 * the size of the team or tenant.
 */
@Stateless
public class TeamReport {

  /** Rows of the admin's learner table per page at most. */
  public static final int MAX_PAGE = 100;

  @Inject Catalog catalog;
  @Inject TeamReads reads;
  @Inject TenantDirectory tenants;
  @Inject FiguresCache cache;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** A learner's state in one course, as the manager sees it. */
  public enum Status {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETED("Completed"), OVERDUE("Overdue");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One direct report in one course (the admin's lazy table keeps its current page of rows in the view). */
  public record Row(String accountId, String name, String email, String team, boolean active, String courseTitle,
      Status status, int percent, Instant lastActivity, Integer bestScore, Instant due, String certificate,
      Instant certificateExpires) implements java.io.Serializable {}

  /** One course's funnel and role-play heat maps (by module; by learner only on the manager's dashboard). */
  public record CourseFigures(String courseId, String title, List<Funnel.Stage> funnel, HeatMap byModule,
      HeatMap byLearner) implements java.io.Serializable {}

  /** The manager's page: one row per direct report and course, the status counts and each course's figures. */
  public record TeamDashboard(List<Row> rows, Map<Status, Long> statuses, List<CourseFigures> courses) {}

  /**
   * The admin's page: seats, learners (seat holders) by status per course, certificates by status, figures, and
   * when they were computed.
   */
  public record TenantDashboard(long seatsUsed, int seats, Map<Status, Long> statuses,
      Map<CertificateStatus, Long> certificates, List<CourseFigures> courses, Instant asOf)
      implements java.io.Serializable {} // shared between nodes as bytes by FiguresCache

  /** The signed-in manager's direct reports, by name, one row per offered course. */
  public List<Row> myTeam(SignedInUser manager) {
    return teamDashboard(manager).rows();
  }

  /** The manager's dashboard: rows, status counts, funnels and heat maps of the direct reports only. */
  public TeamDashboard teamDashboard(SignedInUser manager) {
    SignedInUser.require(manager, TenantContext.require(), Role.MANAGER, "only managers see a team");
    List<Member> team = reads.directReports(manager.accountId());
    Scope scope = Scope.accounts(team.stream().map(Member::id).toList());
    Instant now = clock.instant();
    List<Course> courses = catalog.offeredTo(manager.tenant());
    // heat map rows are labelled by name; two reports of the same name are told apart by e-mail
    Map<String, Long> sameName = new HashMap<>();
    team.forEach(m -> sameName.merge(m.name(), 1L, Long::sum));
    Map<String, String> names = new HashMap<>();
    team.forEach(m -> names.put(m.id(), sameName.get(m.name()) > 1 ? m.name() + " (" + m.email() + ")" : m.name()));
    List<CourseFigures> figures = new ArrayList<>();
    Map<String, Map<String, Done>> doneByCourse = new HashMap<>();
    for (Course course : courses) {
      Map<String, Done> done = reads.done(course, scope);
      doneByCourse.put(course.id(), done);
      HeatMap byModule = modules(course);
      HeatMap byLearner = new HeatMap();
      team.forEach(m -> byLearner.subject(names.get(m.id())));
      reads.rolePlayPaths(course, scope, true, (rolePlay, path, account, count) -> {
        byModule.add(moduleTitle(course, rolePlay), rolePlay, path, count);
        byLearner.add(names.getOrDefault(account, account), rolePlay, path, count);
      });
      figures.add(new CourseFigures(course.id(), course.title(), funnel(course, team.stream().map(Member::id).toList(),
          done), byModule, byLearner));
    }
    List<Row> rows = rows(team, scope, courses, doneByCourse, now);
    return new TeamDashboard(rows, count(rows), figures);
  }

  /**
   * The report of a manager named by id, as of {@code now}, without a signed-in caller: for system work such as the
   * weekly digest, never for a page (pages call {@link #myTeam}, which checks who asks).
   */
  public List<Row> teamOf(String managerId, Instant now) {
    List<Member> team = reads.directReports(managerId);
    Scope scope = Scope.accounts(team.stream().map(Member::id).toList());
    List<Course> courses = catalog.offeredTo(TenantContext.require());
    Map<String, Map<String, Done>> doneByCourse = new HashMap<>();
    courses.forEach(c -> doneByCourse.put(c.id(), reads.done(c, scope)));
    return rows(team, scope, courses, doneByCourse, now);
  }

  /**
   * The admin's dashboard for the whole tenant, as last computed: at most {@link FiguresCache#FRESH_FOR} old plus
   * the time a refresh takes (see {@link FiguresCache}).
   */
  public TenantDashboard tenantDashboard(SignedInUser admin) {
    String tenant = TenantContext.require();
    SignedInUser.require(admin, tenant, Role.ADMIN, "only admins see the tenant's dashboard");
    TeamReport self = context.getBusinessObject(TeamReport.class);
    return cache.<TenantDashboard>get(tenant, () -> TenantContext.callAsUnchecked(tenant, () -> self.tenantFigures(admin)))
        .figures();
  }

  /** The admin's dashboard computed now (a second or more for 10,000 learners: pages use {@link #tenantDashboard}). */
  public TenantDashboard tenantFigures(SignedInUser admin) {
    SignedInUser.require(admin, TenantContext.require(), Role.ADMIN, "only admins see the tenant's dashboard");
    Set<String> population = reads.seatHolderIds();
    Instant now = clock.instant();
    Map<Status, Long> statuses = count(List.of());
    List<CourseFigures> figures = new ArrayList<>();
    for (Course course : catalog.offeredTo(admin.tenant())) {
      Scope tenant = Scope.tenant();
      Map<String, Done> done = reads.done(course, tenant);
      Map<String, Round> rounds = reads.rounds(course, tenant);
      Map<String, List<Recorded>> completed = reads.completions(course, tenant);
      for (String id : population) {
        Done d = done.get(id);
        Round round = rounds.get(id);
        statuses.merge(status(completed(course, completed.get(id), round), d == null ? 0 : d.total(),
            round == null ? null : round.due(), now), 1L, Long::sum);
      }
      HeatMap byModule = modules(course);
      reads.rolePlayPaths(course, tenant, false,
          (rolePlay, path, account, count) -> byModule.add(moduleTitle(course, rolePlay), rolePlay, path, count));
      figures.add(new CourseFigures(course.id(), course.title(), funnel(course, population, done), byModule, null));
    }
    int seats = tenants.bySlug(admin.tenant()).map(TenantConfig::seats).orElse(0);
    return new TenantDashboard(population.size(), seats, statuses, reads.certificatesByStatus(now), figures, now);
  }

  /** One page of the tenant's seat holders, by name, one row per offered course (for a lazy table). */
  public List<Row> learnerPage(SignedInUser admin, int first, int max) {
    SignedInUser.require(admin, TenantContext.require(), Role.ADMIN, "only admins see every learner");
    List<Member> page = reads.seatHolders(Math.max(0, first), Math.max(1, Math.min(max, MAX_PAGE)));
    Scope scope = Scope.accounts(page.stream().map(Member::id).toList());
    List<Course> courses = catalog.offeredTo(admin.tenant());
    Map<String, Map<String, Done>> doneByCourse = new HashMap<>();
    courses.forEach(c -> doneByCourse.put(c.id(), reads.done(c, scope)));
    return rows(page, scope, courses, doneByCourse, clock.instant());
  }

  private List<Row> rows(List<Member> members, Scope scope, List<Course> courses,
      Map<String, Map<String, Done>> doneByCourse, Instant now) {
    Map<String, Map<String, LatestCertificate>> certificates = reads.latestCertificates(scope, now);
    Map<String, Instant> last = reads.lastActivity(scope);
    Map<String, List<Row>> byMember = new HashMap<>();
    for (Course course : courses) {
      Map<String, Done> done = doneByCourse.get(course.id());
      Map<String, Round> rounds = reads.rounds(course, scope);
      Map<String, List<Recorded>> completed = reads.completions(course, scope);
      Map<String, Integer> scores = reads.bestScores(course, scope);
      int steps = course.steps().size();
      for (Member m : members) {
        Done d = done.get(m.id());
        int doneSteps = d == null ? 0 : d.total();
        Round round = rounds.get(m.id());
        Instant due = round == null ? null : round.due();
        LatestCertificate certificate = certificates.getOrDefault(m.id(), Map.of()).get(course.id());
        byMember.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(new Row(m.id(), m.name(), m.email(), m.team(),
            m.active(), course.title(), status(completed(course, completed.get(m.id()), round), doneSteps, due, now),
            steps == 0 ? 100 : doneSteps * 100 / steps, last.get(m.id()), scores.get(m.id()), due,
            certificate == null ? null : certificate.status().label(),
            certificate == null ? null : certificate.expires()));
      }
    }
    List<Row> rows = new ArrayList<>();
    members.forEach(m -> rows.addAll(byMember.getOrDefault(m.id(), List.of())));
    return rows;
  }

  private static List<Funnel.Stage> funnel(Course course, java.util.Collection<String> population,
      Map<String, Done> done) {
    Funnel funnel = new Funnel(course);
    for (String id : population) {
      Done d = done.get(id);
      if (d == null) {
        funnel.addIdle();
      } else {
        funnel.add(d.byModule());
      }
    }
    return funnel.stages();
  }

  private static HeatMap modules(Course course) {
    HeatMap map = new HeatMap();
    course.modules().stream().filter(m -> m.steps().stream().anyMatch(RolePlay.class::isInstance))
        .forEach(m -> map.subject(m.title()));
    return map;
  }

  private static String moduleTitle(Course course, RolePlay rolePlay) {
    return course.moduleOf(rolePlay.id()).map(m -> m.title()).orElse(rolePlay.title());
  }

  private static Map<Status, Long> count(List<Row> rows) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0L);
    }
    rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    return counts;
  }

  /**
   * Completed by the one rule ({@link CourseCompletion#counts}): a completion of the course's current version in the
   * learner's current round (the first, unless a recertification round was opened).
   */
  static boolean completed(Course course, List<Recorded> recorded, Round current) {
    int round = current == null ? CourseRound.FIRST : current.number();
    return recorded != null && recorded.stream().anyMatch(r -> CourseCompletion.counts(r.version(), r.round(), course, round));
  }

  static Status status(boolean completedThisRound, int doneSteps, Instant due, Instant now) {
    if (completedThisRound) {
      return Status.COMPLETED;
    }
    if (due != null && now.isAfter(due)) {
      return Status.OVERDUE;
    }
    return doneSteps == 0 ? Status.NOT_STARTED : Status.IN_PROGRESS;
  }
}
