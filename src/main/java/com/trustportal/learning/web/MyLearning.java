package com.trustportal.learning.web;

import com.trustportal.identity.web.CurrentUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.entity.CourseRound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** "My learning": every course the learner's tenant offers, with progress, status and the step to resume at. */
@Named
@RequestScoped
public class MyLearning {

  @Inject CurrentUser user;
  @Inject Completions completions;

  private List<CourseCard> cards = List.of();

  public void load() {
    Map<String, CourseRound> rounds = completions.rounds(user.get().accountId());
    cards = completions.standing(user.get().accountId()).stream()
        .map(standing -> CourseCard.of(standing, due(rounds.get(standing.course().id()))))
        .toList();
  }

  private static LocalDate due(CourseRound round) {
    return round == null || round.dueAt() == null ? null : LocalDate.ofInstant(round.dueAt(), ZoneOffset.UTC);
  }

  public List<CourseCard> getCards() {
    return cards;
  }
}
