package com.trustportal.team.web;

import com.trustportal.team.boundary.TeamReport;
import com.trustportal.team.control.Funnel;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations (JSON) for {@code p:chart}. Every chart also has its figures in a table or text on the
 * page: a canvas is not readable by a screen reader. Colours are the portal's blue and a dark teal (contrast on white
 * above 3:1 for graphics).
 */
final class Charts {

  private static final String STARTED = "#7fa7cf";
  private static final String COMPLETED = "#1f4e79";

  private Charts() {}

  /** A course's funnel: learners who started and completed each module, in module order. */
  static String funnel(TeamReport.CourseFigures figures) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder started = Json.createArrayBuilder();
    JsonArrayBuilder completed = Json.createArrayBuilder();
    for (Funnel.Stage stage : figures.funnel()) {
      labels.add(stage.title());
      started.add(stage.started());
      completed.add(stage.completed());
    }
    return bar(labels, List.of(dataset("Started", started, STARTED), dataset("Completed", completed, COMPLETED)), true);
  }

  /** One bar per key (e.g. learners by status). */
  static String counts(Map<String, Long> counts, String label) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    counts.forEach((k, v) -> {
      labels.add(k);
      values.add(v);
    });
    return bar(labels, List.of(dataset(label, values, COMPLETED)), false);
  }

  private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
  }

  private static String bar(JsonArrayBuilder labels, List<JsonObjectBuilder> datasets, boolean horizontal) {
    JsonArrayBuilder sets = Json.createArrayBuilder();
    datasets.forEach(sets::add);
    JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
        .add("animation", false);
    if (horizontal) {
      options.add("indexAxis", "y");
    }
    options.add("scales", Json.createObjectBuilder()
        .add(horizontal ? "x" : "y", Json.createObjectBuilder().add("beginAtZero", true)
            .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    return Json.createObjectBuilder().add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
        .add("options", options).build().toString();
  }
}
