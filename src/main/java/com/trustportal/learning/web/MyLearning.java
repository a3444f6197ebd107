package com.trustportal.learning.web;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.tenant.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "My learning": every course the learner's tenant offers, with progress, status and the step to resume at. */
@Named
@RequestScoped
public class MyLearning {

  @Inject Catalog catalog;
  @Inject Progress progress;
  @Inject CurrentUser user;
  @Inject Completions completions;

  private List<CourseCard> cards = List.of();

  public void load() {
    Map<String, Set<String>> done = progress.doneStepsByCourse(user.get().accountId());
    Set<String> passed = completions.passedAssessments(user.get().accountId());
    Map<String, CourseRound> rounds = completions.rounds(user.get().accountId());
    cards = catalog.offeredTo(TenantContext.require()).stream()
        .map(course -> CourseCard.of(
            new CourseProgress(course, done.getOrDefault(course.id(), Set.of()), passed.contains(course.id())),
            due(rounds.get(course.id()))))
        .toList();
  }

  private static LocalDate due(CourseRound round) {
    return round == null || round.dueAt() == null ? null : LocalDate.ofInstant(round.dueAt(), ZoneOffset.UTC);
  }

  public List<CourseCard> getCards() {
    return cards;
  }
}
