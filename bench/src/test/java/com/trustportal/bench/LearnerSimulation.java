package com.trustportal.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark of the learner's pages. Two modes (system property {@code mode}):
 *
 * <ul>
 *   <li>{@code load} (default): scenario "learner": {@code users} virtual learners arrive over {@code rampSeconds},
 *       each signs in (alternating acme/globex accounts), waits until the ramp is over, then for
 *       {@code durationSeconds} repeats: my learning, lesson page, save step (mark as read), check page, check answer,
 *       with about {@code thinkSeconds} between requests. Scenario "floor": the same users, ramp, think time and
 *       duration, so about the same number of requests, against the sign-in page ({@code GET /t/<slug>/login.xhtml}),
 *       a minimal Faces page that holds a session (it is not transient), with the session cookie kept.</li>
 *   <li>{@code saturation}: closed model, {@code users} (default 20) concurrent users with no think time. "lesson":
 *       each signs in, then requests lesson pages back to back; "floor": each requests the sign-in page back to back.
 *       Requests during the first {@code warmupSeconds} are named "... (warm-up)"; the measured window is the
 *       following {@code durationSeconds}, so the rate is the request count divided by that duration.</li>
 * </ul>
 *
 * {@code scenario} picks what runs: {@code learner|floor|both} in load mode, {@code lesson|floor|both} in saturation
 * mode ("both" runs them one after the other, never at the same time, so they do not share the CPU).
 *
 * <p>Only the six demo accounts exist; many virtual users share each of them, every virtual user with its own cookie
 * jar and so its own HTTP session. Saves of a shared account hit the same progress rows; the scenario always submits
 * the same answers so these saves are idempotent rather than conflicting. Static resources (CSS, JS) are not fetched:
 * a returning browser has them cached, and they are not what the benchmark measures.
 */
public class LearnerSimulation extends Simulation {

  static final String COURSE = "collaborative-selling";
  static final String PASSWORD = "demo-password";
  static final String[] TENANTS = {"acme", "globex"};
  static final String[] ROLES = {"learner", "manager", "admin"};
  /** Lesson steps per module of the course (module i has lessons m{i}-l1 .. m{i}-l{n}, then check m{i}-check). */
  static final int[] LESSONS_PER_MODULE = {4, 5, 4, 6, 4, 4};

  final String mode = System.getProperty("mode", "load");
  final boolean saturation = mode.equals("saturation");
  final String baseUrl = System.getProperty("baseUrl", "http://localhost:8080");
  final int users = Integer.getInteger("users", saturation ? 20 : 500);
  final int rampSeconds = Integer.getInteger("rampSeconds", 35);
  final double thinkSeconds = saturation ? 0 : Double.parseDouble(System.getProperty("thinkSeconds", "5"));
  final int durationSeconds = Integer.getInteger("durationSeconds", saturation ? 30 : 55);
  final int warmupSeconds = Integer.getInteger("warmupSeconds", 15);
  final String which = System.getProperty("scenario", "both");
  final boolean serialSignIn = Boolean.parseBoolean(System.getProperty("serialSignIn", "true"));

  final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
      .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
      .acceptLanguageHeader("en")
      .userAgentHeader("portal-bench (Gatling)");

  /**
   * A timed phase of one scenario, started by its first virtual user: an initial part (ramp or warm-up), then the
   * measured part of {@code durationSeconds}.
   */
  static final class Phase {
    private final AtomicLong start = new AtomicLong();
    private final long firstMillis;
    private final long measuredMillis;

    Phase(int firstSeconds, int measuredSeconds) {
      this.firstMillis = firstSeconds * 1000L;
      this.measuredMillis = measuredSeconds * 1000L;
    }

    Session begin(Session session) {
      start.compareAndSet(0, System.currentTimeMillis());
      return session;
    }

    long measuredStart() {
      return start.get() + firstMillis;
    }

    boolean inFirstPart() {
      return System.currentTimeMillis() < measuredStart();
    }

    boolean running() {
      return System.currentTimeMillis() < measuredStart() + measuredMillis;
    }

    /** How long to wait until the measured part starts, plus a random stagger of up to {@code spreadMillis}. */
    Duration untilMeasured(long spreadMillis) {
      long wait = measuredStart() - System.currentTimeMillis();
      long stagger = spreadMillis > 0 ? ThreadLocalRandom.current().nextLong(spreadMillis) : 0;
      return Duration.ofMillis(Math.max(0, wait) + stagger);
    }
  }

  /** Picks this virtual user's account: tenants alternate, then learner, manager, admin (6 accounts in all). */
  static Session account(Session session) {
    long id = session.userId();
    String tenant = TENANTS[(int) (id % 2)];
    String role = ROLES[(int) ((id / 2) % 3)];
    return session.set("tenant", tenant).set("email", role + "@" + tenant + ".example");
  }

  /** A random lesson step of the course and the knowledge check of its module. */
  static Session pickLesson(Session session) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int module = random.nextInt(LESSONS_PER_MODULE.length);
    int lesson = 1 + random.nextInt(LESSONS_PER_MODULE[module]);
    return session.set("lesson", "m" + (module + 1) + "-l" + lesson).set("check", "m" + (module + 1) + "-check");
  }

  /** The same answer (the first choice) to every question of the check: shared accounts then save idempotently. */
  static Map<String, Object> answers(Session session) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String radio : session.<String>getList("radios")) {
      answers.put(radio, "0");
    }
    return answers;
  }

  ChainBuilder think() {
    if (thinkSeconds <= 0) {
      return exec(session -> session);
    }
    long mean = Math.round(thinkSeconds * 1000);
    return pause(Duration.ofMillis(mean * 3 / 4), Duration.ofMillis(mean * 5 / 4));
  }

  /**
   * Signs in, up to three tries. By default one sign-in per account is in flight at a time (system property
   * {@code serialSignIn}, default true): the virtual users share six accounts, where real learners each have their own,
   * and concurrent sign-ins to one account fail with HTTP 500 (an optimistic lock conflict on the account row, a portal
   * bug this benchmark found; {@code -DserialSignIn=false} shows it). Every failed try stays in the report as a KO
   * "sign in"; a virtual user whose three tries all fail stops there instead of browsing signed out.
   */
  ChainBuilder signIn() {
    return exec(LearnerSimulation::account)
        .tryMax(3, "signInTry").on(
            exec(LearnerSimulation::releaseAccount),
            doIf(session -> session.getInt("signInTry") > 0).then(pause(Duration.ofMillis(200), Duration.ofMillis(1500))),
            signInOnce())
        .exec(LearnerSimulation::releaseAccount)
        .exitHereIfFailed();
  }

  /** Accounts (e-mail addresses) with a sign-in in flight. */
  static final Set<String> SIGNING_IN = ConcurrentHashMap.newKeySet();

  static Session releaseAccount(Session session) {
    if (session.contains("holding")) {
      SIGNING_IN.remove(session.getString("holding"));
      return session.remove("holding");
    }
    return session;
  }

  /** Waits (polling, without blocking Gatling's threads) until no other virtual user is signing in to this account. */
  ChainBuilder holdAccount() {
    if (!serialSignIn) {
      return exec(session -> session);
    }
    return asLongAs(session -> !session.contains("holding")).on(
        exec(session -> SIGNING_IN.add(session.getString("email")) ? session.set("holding", session.getString("email"))
            : session),
        doIf(session -> !session.contains("holding")).then(pause(Duration.ofMillis(20))));
  }

  ChainBuilder signInOnce() {
    return exec(http("sign-in page").get("/t/#{tenant}/login.xhtml")
            .check(status().is(200),
                css("form#login", "action").saveAs("loginAction"),
                css("form#login input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
        .exec(think())
        .exec(holdAccount())
        .exec(http("sign in").post("#{loginAction}").disableFollowRedirect()
            .formParam("login", "login")
            .formParam("email", "#{email}")
            .formParam("password", PASSWORD)
            .formParam("next", "/learn/index.xhtml")
            .formParam("submit", "")
            .formParam("jakarta.faces.ViewState", "#{viewState}")
            .check(status().is(302), headerRegex("Location", "/t/[a-z0-9-]+/learn/index\\.xhtml$").exists()))
        .exec(LearnerSimulation::releaseAccount);
  }

  ChainBuilder myLearning() {
    return exec(http("my learning").get("/t/#{tenant}/learn/index.xhtml")
        .check(status().is(200), css("#learner-name").exists(), css("#course-" + COURSE).exists()));
  }

  ChainBuilder lessonPage(String name) {
    return exec(LearnerSimulation::pickLesson)
        .exec(http(name).get("/t/#{tenant}/learn/player.xhtml?course=" + COURSE + "&step=#{lesson}")
            .check(status().is(200),
                css("#step-title").exists(),
                css("button[name='player:markRead']").exists(),
                css("form#player", "action").saveAs("playerAction"),
                css("form#player input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")));
  }

  ChainBuilder saveStep() {
    return exec(http("save step").post("#{playerAction}").disableFollowRedirect()
        .formParam("player", "player")
        .formParam("player:markRead", "")
        .formParam("jakarta.faces.ViewState", "#{viewState}")
        .check(status().is(302), headerRegex("Location", "/learn/player\\.xhtml\\?.*step=").exists()));
  }

  ChainBuilder checkPage() {
    return exec(http("check page").get("/t/#{tenant}/learn/player.xhtml?course=" + COURSE + "&step=#{check}")
        .check(status().is(200),
            css("button[name='player:checkAnswers']").exists(),
            css("form#player", "action").saveAs("playerAction"),
            css("form#player input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"),
            css("form#player input[type='radio']", "name").findAll().transform(names -> names.stream().distinct().toList())
                .saveAs("radios"),
            // PrimeFaces' CSP nonce of the page: its script sends it with every AJAX request of that page, and the
            // portal refuses an AJAX post without it ("CSP nonce mismatch", an <error> in the partial response)
            regex("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").saveAs("nonce")));
  }

  /** The AJAX request PrimeFaces sends for the "Check answers" button (process @all, update the form). */
  ChainBuilder checkAnswers() {
    return exec(http("check answer").post("#{playerAction}")
        .header("Faces-Request", "partial/ajax")
        .header("X-Requested-With", "XMLHttpRequest")
        .formParam("jakarta.faces.partial.ajax", "true")
        .formParam("jakarta.faces.source", "player:checkAnswers")
        .formParam("jakarta.faces.partial.execute", "@all")
        .formParam("jakarta.faces.partial.render", "player")
        .formParam("player:checkAnswers", "player:checkAnswers")
        .formParam("primefaces.nonce", "#{nonce}")
        .formParam("player", "player")
        .formParamMap(LearnerSimulation::answers)
        .formParam("jakarta.faces.ViewState", "#{viewState}")
        .check(status().is(200),
            substring("<partial-response").exists(),
            substring("<error>").notExists(),
            substring("class=\"verdict\"").exists()));
  }

  ChainBuilder floorPage(String name) {
    return exec(LearnerSimulation::account)
        .exec(http(name).get("/t/#{tenant}/login.xhtml")
            .check(status().is(200), css("form#login input[name='jakarta.faces.ViewState']", "value").exists()));
  }

  ScenarioBuilder learner() {
    Phase phase = new Phase(rampSeconds, durationSeconds);
    long thinkMillis = Math.round(thinkSeconds * 1000);
    return scenario("learner")
        .exec(phase::begin)
        .exec(signIn())
        .pause(session -> phase.untilMeasured(thinkMillis))
        .exec(myLearning())
        .exec(asLongAs(session -> phase.running(), true).on(
            think(), lessonPage("lesson page"),
            think(), saveStep(),
            think(), checkPage(),
            think(), checkAnswers(),
            think(), myLearning()));
  }

  ScenarioBuilder floor() {
    Phase phase = new Phase(rampSeconds, durationSeconds);
    long thinkMillis = Math.round(thinkSeconds * 1000);
    return scenario("floor")
        .exec(phase::begin)
        .exec(floorPage("floor first page"))
        .pause(session -> phase.untilMeasured(thinkMillis))
        .exec(asLongAs(session -> phase.running(), true).on(think(), floorPage("floor page")));
  }

  ScenarioBuilder lessonSaturation() {
    Phase phase = new Phase(warmupSeconds, durationSeconds);
    return scenario("lesson saturation")
        .exec(phase::begin)
        .exec(signIn())
        .exec(asLongAs(session -> phase.inFirstPart()).on(lessonPage("lesson page (warm-up)")))
        .exec(asLongAs(session -> phase.running()).on(lessonPage("lesson page")));
  }

  ScenarioBuilder floorSaturation() {
    Phase phase = new Phase(warmupSeconds, durationSeconds);
    return scenario("floor saturation")
        .exec(phase::begin)
        .exec(asLongAs(session -> phase.inFirstPart()).on(floorPage("floor page (warm-up)")))
        .exec(asLongAs(session -> phase.running()).on(floorPage("floor page")));
  }

  {
    System.out.printf("portal-bench: mode=%s scenario=%s baseUrl=%s users=%d rampSeconds=%d thinkSeconds=%s "
            + "warmupSeconds=%d durationSeconds=%d serialSignIn=%s%n", mode, which, baseUrl, users, rampSeconds,
        thinkSeconds, warmupSeconds, durationSeconds, serialSignIn);
    PopulationBuilder first;
    PopulationBuilder second;
    if (saturation) {
      // closed model: a fixed population of looping users (none finishes before the measured window ends)
      first = lessonSaturation().injectClosed(constantConcurrentUsers(users).during(1));
      second = floorSaturation().injectClosed(constantConcurrentUsers(users).during(1));
    } else {
      first = learner().injectOpen(rampUsers(users).during(rampSeconds));
      second = floor().injectOpen(rampUsers(users).during(rampSeconds));
    }
    List<PopulationBuilder> run = switch (which) {
      case "learner", "lesson" -> List.of(first);
      case "floor" -> List.of(second);
      case "both" -> List.of(first.andThen(second));
      default -> throw new IllegalArgumentException("scenario must be learner|lesson, floor or both: " + which);
    };
    setUp(run).protocols(protocol);
  }
}
