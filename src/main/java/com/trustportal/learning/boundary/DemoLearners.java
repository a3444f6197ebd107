package com.trustportal.learning.boundary;

import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Practice;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.learning.entity.PracticeAnswer;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.tenant.control.TenantConfig;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Demo tenants may list courses a demo learner has already finished ({@code completed:} in the tenant
 * file), so a newcomer sees a real certificate at once. The learner is walked through the course the
 * way a good learner would (every step, best replies, right answers, a passed assessment) through the
 * same boundaries real learners use, so completion and the certificate follow by the usual events.
 */
@Stateless
public class DemoLearners {

  private static final Logger LOG = Logger.getLogger("portal");

  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject Progress progress;
  @Inject Assessments assessments;
  @Inject Completions completions;

  /**
   * Completes the listed courses of the current tenant's demo accounts that have not completed them yet, in a
   * transaction of its own (one per tenant: a transaction's data belongs to one tenant).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int completeListedCourses(TenantConfig tenant) {
    int completed = 0;
    for (TenantConfig.InitialAccount listed : tenant.accounts()) {
      Optional<Account> account = accounts.byEmail(listed.email());
      for (String courseId : listed.completed()) {
        Optional<Course> course = catalog.course(tenant.slug(), courseId);
        if (account.isEmpty() || course.isEmpty()) {
          LOG.warning(() -> "Tenant " + tenant.slug() + ": demo completion of " + courseId + " by " + listed.email()
              + " skipped: no such " + (account.isEmpty() ? "account" : "course offered"));
          continue;
        }
        if (completions.find(account.get().id(), course.get()).isEmpty()) {
          // a demo learner spends no measured time: a course that asks for some first is skipped, not faked
          Optional<String> closed = assessments.closedFor(account.get().id(), course.get()).map(Exception::getMessage);
          if (closed.isPresent()) {
            LOG.warning(() -> "Tenant " + tenant.slug() + ": demo completion of " + courseId + " by " + listed.email()
                + " skipped: " + closed.get() + " (set assessment.minimum-active-minutes: 0 in tenant.yaml for demo"
                + " completions)");
            continue;
          }
          walkThrough(account.get().id(), course.get());
          completed++;
        }
      }
    }
    return completed;
  }

  private void walkThrough(String accountId, Course course) {
    for (Step step : course.steps()) {
      progress.record(accountId, course, step.id(), answerFor(step));
    }
    AssessmentAttempt attempt = assessments.startOrResume(accountId, course);
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (Question question : attempt.questions(course.assessment())) {
      answers.put(question.id(), question.correctChoice());
    }
    assessments.submit(accountId, attempt.id(), course, answers);
  }

  private static StepAnswer answerFor(Step step) {
    if (step instanceof Reflection) {
      return StepAnswer.reflection(
          "I will ask two open questions before I present anything, and say plainly what our product cannot do.");
    }
    if (step instanceof KnowledgeCheck check) {
      Map<String, Integer> choices = new LinkedHashMap<>();
      check.questions().forEach(q -> choices.put(q.id(), q.correctChoice()));
      return StepAnswer.check(choices, true);
    }
    if (step instanceof RolePlay rolePlay) {
      return StepAnswer.rolePlay(bestPath(rolePlay));
    }
    if (step instanceof Practice) {
      return new PracticeAnswer("Before we talk about next steps, what would make this worth your time?",
          Map.of(PracticeAnswer.SelfCheck.OPENNESS, true)).toStepAnswer();
    }
    return StepAnswer.read();
  }

  /** The reply that builds most trust at every turn. */
  private static List<Integer> bestPath(RolePlay rolePlay) {
    List<Integer> path = new ArrayList<>();
    DialogueNode at = rolePlay.startNode();
    while (at != null) {
      List<Reply> replies = at.replies();
      int best = replies.indexOf(replies.stream().max(Comparator.comparingInt(Reply::trustDelta)).orElseThrow());
      path.add(best);
      Reply reply = replies.get(best);
      at = reply.endsConversation() ? null : rolePlay.node(reply.next()).orElseThrow();
    }
    return path;
  }
}
