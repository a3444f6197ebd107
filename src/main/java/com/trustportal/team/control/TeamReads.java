package com.trustportal.team.control;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.tenant.control.TenantData;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate reads behind the team report and the dashboards. Each method is one query for any number of
 * learners (grouped and counted in the database), so a page costs the same number of queries for a team of five as
 * for a tenant of 10,000. The queries are built here rather than named on the entities because their shape depends on
 * the course (one sum per module) and on the {@link Scope}.
 */
@Dependent
public class TeamReads {

  @Inject @TenantData EntityManager em;

  /** What one learner did in one course: done current steps per module. */
  public record Done(int[] byModule) {

    public int total() {
      int sum = 0;
      for (int d : byModule) {
        sum += d;
      }
      return sum;
    }
  }

  /** A learner's latest round of a course: its number and due date (null: none set). */
  public record Round(int number, Instant due) {}

  /** The latest certificate of a learner for a course. */
  public record LatestCertificate(String courseId, CertificateStatus status, Instant expires) {}

  /** An account as the reports list it. */
  public record Member(String id, String name, String email, String team, boolean active) {}

  /** The manager's direct reports, by name (deactivated ones too: their history still counts for the team). */
  public List<Member> directReports(String managerId) {
    return members(em.createQuery("select a.id, a.name, a.email, a.team, a.active from Account a"
        + " where a.manager.id = :manager order by a.name, a.email", Object[].class).setParameter("manager", managerId)
        .getResultList());
  }

  /** One page of the accounts that take a seat (the tenant's learners and managers), by name. */
  public List<Member> seatHolders(int first, int max) {
    return members(em.createQuery("select a.id, a.name, a.email, a.team, a.active from Account a" + SEAT_HOLDERS
        + " order by a.name, a.email", Object[].class).setFirstResult(first).setMaxResults(max).getResultList());
  }

  /** Ids of all accounts that take a seat: the population of the tenant's figures. */
  public java.util.Set<String> seatHolderIds() {
    return new java.util.HashSet<>(em.createQuery("select a.id from Account a" + SEAT_HOLDERS, String.class)
        .getResultList());
  }

  /** Same rule as {@code Account.takesASeat()}. */
  private static final String SEAT_HOLDERS =
      " where a.active = true and a.role <> com.trustportal.identity.entity.Role.ADMIN";

  private static List<Member> members(List<Object[]> rows) {
    return rows.stream().map(r -> new Member((String) r[0], (String) r[1], (String) r[2], (String) r[3],
        Boolean.TRUE.equals(r[4]))).toList();
  }

  /**
   * When each learner of a list last saved a step of any course. Not max(): on PostgreSQL an aggregate hands the
   * Instant converter a Timestamp and fails; the list is short (a team, a page), so its rows are few.
   */
  public Map<String, Instant> lastActivity(Scope scope) {
    Map<String, Instant> last = new HashMap<>();
    if (scope.isEmpty() || scope.isTenant()) {
      return last;
    }
    TypedQuery<Object[]> query = em.createQuery("select p.accountId, p.updatedAt from StepProgress p where p.id is not null"
        + scope.on("p.accountId"), Object[].class);
    scope.bind(query);
    for (Object[] row : query.getResultList()) {
      last.merge((String) row[0], (Instant) row[1], (a, b) -> a.isAfter(b) ? a : b);
    }
    return last;
  }

  /** Done current steps per module, per learner who saved any step of the course (one grouped query). */
  public Map<String, Done> done(Course course, Scope scope) {
    if (scope.isEmpty()) {
      return Map.of();
    }
    StringBuilder jpql = new StringBuilder("select p.accountId");
    List<Module> modules = course.modules();
    // one sum per module; equalities rather than "in :list", which EclipseLink's parser refuses inside CASE
    for (int m = 0; m < modules.size(); m++) {
      jpql.append(", sum(case when ");
      List<Step> steps = modules.get(m).steps();
      for (int s = 0; s < steps.size(); s++) {
        jpql.append(s == 0 ? "" : " or ").append("p.stepId = :m").append(m).append('s').append(s);
      }
      jpql.append(" then 1 else 0 end)");
    }
    jpql.append(" from StepProgress p where p.courseId = :course").append(scope.on("p.accountId"))
        .append(" group by p.accountId");
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("course", course.id());
    for (int m = 0; m < modules.size(); m++) {
      List<Step> steps = modules.get(m).steps();
      for (int s = 0; s < steps.size(); s++) {
        query.setParameter("m" + m + "s" + s, steps.get(s).id());
      }
    }
    scope.bind(query);
    Map<String, Done> done = new HashMap<>();
    for (Object[] row : query.getResultList()) {
      int[] byModule = new int[modules.size()];
      for (int m = 0; m < modules.size(); m++) {
        byModule[m] = row[m + 1] == null ? 0 : ((Number) row[m + 1]).intValue();
      }
      done.put((String) row[0], new Done(byModule));
    }
    return done;
  }

  /** Learners who completed the course's current version in their current round (two queries). */
  public Map<String, Round> rounds(Course course, Scope scope) {
    Map<String, Round> latest = new HashMap<>();
    if (scope.isEmpty()) {
      return latest;
    }
    TypedQuery<Object[]> query = em.createQuery("select r.accountId, r.number, r.dueAt from CourseRound r"
        + " where r.courseId = :course" + scope.on("r.accountId"), Object[].class).setParameter("course", course.id());
    scope.bind(query);
    for (Object[] row : query.getResultList()) {
      Round round = new Round(((Number) row[1]).intValue(), (Instant) row[2]);
      latest.merge((String) row[0], round, (a, b) -> a.number() >= b.number() ? a : b);
    }
    return latest;
  }

  /** A recorded completion of the course: which version, which round. */
  public record Recorded(int version, int round) {}

  /**
   * Recorded completions of the course per learner, every version and round: the report applies the one rule of
   * {@code CourseCompletion.counts} to them, so the team page and My learning cannot read completion differently.
   */
  public Map<String, List<Recorded>> completions(Course course, Scope scope) {
    Map<String, List<Recorded>> recorded = new HashMap<>();
    if (scope.isEmpty()) {
      return recorded;
    }
    TypedQuery<Object[]> query = em.createQuery("select c.accountId, c.courseVersion, c.round from CourseCompletion c"
        + " where c.courseId = :course" + scope.on("c.accountId"), Object[].class).setParameter("course", course.id());
    scope.bind(query);
    for (Object[] row : query.getResultList()) {
      recorded.computeIfAbsent((String) row[0], a -> new java.util.ArrayList<>())
          .add(new Recorded(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
    }
    return recorded;
  }

  /** Best passing score of the course's final assessment per learner. */
  public Map<String, Integer> bestScores(Course course, Scope scope) {
    Map<String, Integer> best = new HashMap<>();
    if (scope.isEmpty()) {
      return best;
    }
    TypedQuery<Object[]> query = em.createQuery("select a.accountId, max(a.percent) from AssessmentAttempt a"
        + " where a.courseId = :course and a.passed = true" + scope.on("a.accountId") + " group by a.accountId",
        Object[].class).setParameter("course", course.id());
    scope.bind(query);
    query.getResultList().forEach(row -> best.put((String) row[0], ((Number) row[1]).intValue()));
    return best;
  }

  /** The latest certificate per learner and course, keyed by account id then course id. */
  public Map<String, Map<String, LatestCertificate>> latestCertificates(Scope scope, Instant now) {
    Map<String, Map<String, LatestCertificate>> latest = new HashMap<>();
    if (scope.isEmpty()) {
      return latest;
    }
    TypedQuery<Object[]> query = em.createQuery("select c.accountId, c.courseId, c.expiresAt, c.revokedAt"
        + " from Certificate c where c.id is not null" + scope.on("c.accountId") + " order by c.issuedAt desc",
        Object[].class);
    scope.bind(query);
    for (Object[] row : query.getResultList()) {
      Instant expires = (Instant) row[2];
      latest.computeIfAbsent((String) row[0], a -> new HashMap<>()).putIfAbsent((String) row[1],
          new LatestCertificate((String) row[1], Certificate.statusOf(expires, (Instant) row[3], now), expires));
    }
    return latest;
  }

  /** Certificates of the tenant by status now: valid, expired, revoked (one query). */
  public Map<CertificateStatus, Long> certificatesByStatus(Instant now) {
    Object[] row = em.createQuery("select count(c),"
        + " sum(case when c.revokedAt is not null then 1 else 0 end),"
        + " sum(case when c.revokedAt is null and c.expiresAt is not null and c.expiresAt <= :now then 1 else 0 end)"
        + " from Certificate c", Object[].class).setParameter("now", now).getSingleResult();
    long all = number(row[0]);
    long revoked = number(row[1]);
    long expired = number(row[2]);
    Map<CertificateStatus, Long> counts = new LinkedHashMap<>();
    counts.put(CertificateStatus.VALID, all - revoked - expired);
    counts.put(CertificateStatus.EXPIRED, expired);
    counts.put(CertificateStatus.REVOKED, revoked);
    return counts;
  }

  /**
   * The role-play paths chosen in the course with how often, per role-play step ({@code byLearner} false: grouped in
   * the database, a handful of rows for any number of learners) or per learner ({@code byLearner} true: one row per
   * learner and role-play, for a team).
   */
  public void rolePlayPaths(Course course, Scope scope, boolean byLearner, PathSink sink) {
    Map<String, RolePlay> rolePlays = new HashMap<>();
    course.steps().stream().filter(RolePlay.class::isInstance).map(RolePlay.class::cast)
        .forEach(r -> rolePlays.put(r.id(), r));
    if (rolePlays.isEmpty() || scope.isEmpty()) {
      return;
    }
    String jpql = byLearner
        ? "select p.stepId, p.answer, p.accountId from StepProgress p where p.courseId = :course and p.stepId in :steps"
            + scope.on("p.accountId")
        : "select p.stepId, p.answer, count(p) from StepProgress p where p.courseId = :course and p.stepId in :steps"
            + scope.on("p.accountId") + " group by p.stepId, p.answer";
    TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("course", course.id())
        .setParameter("steps", List.copyOf(rolePlays.keySet()));
    scope.bind(query);
    for (Object[] row : query.getResultList()) {
      RolePlay rolePlay = rolePlays.get((String) row[0]);
      if (byLearner) {
        sink.accept(rolePlay, (String) row[1], (String) row[2], 1);
      } else {
        sink.accept(rolePlay, (String) row[1], null, number(row[2]));
      }
    }
  }

  /** Receives one stored role-play path: the role-play, the path, the learner (null when grouped) and a count. */
  @FunctionalInterface
  public interface PathSink {
    void accept(RolePlay rolePlay, String path, String accountId, long count);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }


}
