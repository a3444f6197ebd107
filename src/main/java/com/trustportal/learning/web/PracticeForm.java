package com.trustportal.learning.web;

import com.trustportal.learning.entity.PracticeAnswer;
import com.trustportal.learning.entity.PracticeAnswer.SelfCheck;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The player's form for an open practice step: the reply being written and the self-check, keyed by
 * {@link SelfCheck#key()} (yes, no, or absent while unanswered). Small and Serializable: the view-scoped player keeps
 * it; what it means is {@link PracticeAnswer}'s business.
 */
public final class PracticeForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String reply;
  private final LinkedHashMap<String, Boolean> selfCheck = new LinkedHashMap<>();

  /** Fills the form from a stored answer; an answer that is no practice answer leaves it empty. */
  void load(String storedAnswer) {
    PracticeAnswer stored = PracticeAnswer.parse(storedAnswer);
    reply = stored == null ? null : stored.reply();
    selfCheck.clear();
    if (stored != null) {
      stored.selfCheck().forEach((check, yes) -> selfCheck.put(check.key(), yes));
    }
  }

  /** What is wrong with the reply as typed, or null when it can be saved. */
  String problem() {
    if (reply == null || reply.isBlank()) {
      return "Type your reply before saving.";
    }
    return reply.strip().length() > PracticeAnswer.MAX_REPLY
        ? "Your reply is longer than " + PracticeAnswer.MAX_REPLY + " characters." : null;
  }

  /** The answer to save; the self-check only once the model answer was shown (it is answered against it). */
  PracticeAnswer answer(boolean withSelfCheck) {
    Map<SelfCheck, Boolean> checks = new EnumMap<>(SelfCheck.class);
    if (withSelfCheck) {
      for (SelfCheck check : SelfCheck.values()) {
        Boolean yes = selfCheck.get(check.key());
        if (yes != null) {
          checks.put(check, yes);
        }
      }
    }
    return new PracticeAnswer(reply, checks);
  }

  boolean hasReply() {
    return reply != null;
  }

  public String getReply() {
    return reply;
  }

  public void setReply(String reply) {
    this.reply = reply;
  }

  public Map<String, Boolean> getSelfCheck() {
    return selfCheck;
  }

  public List<SelfCheck> getQuestions() {
    return List.of(SelfCheck.values());
  }
}
