package com.trustportal.catalog.entity;

/**
 * An open practice step: a scenario with a buyer and a prompt ("type what you would say"), answered in the
 * learner's own words, then compared with a model answer and checked against the five behaviours. Only the scenario
 * and the model answer are content; the learner's reply and self-check belong to the progress feature. Both HTML
 * fields are sanitised at load time.
 */
public record Practice(String id, String title, int minutes, String html, String modelAnswerHtml) implements Step {

    public Practice {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        Invariants.between(minutes, 1, 600, "minutes");
        Invariants.text(html, "html");
        Invariants.text(modelAnswerHtml, "modelAnswerHtml");
    }
}
