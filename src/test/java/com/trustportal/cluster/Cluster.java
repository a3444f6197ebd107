package com.trustportal.cluster;

import com.trustportal.platform.LearnerClient;
import com.trustportal.testing.TestFiles;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of the shipped {@code target/portal.jar} on this machine, started and stopped with the operator's own
 * scripts ({@code deploy/cluster/start.sh}, {@code restart.sh}, {@code stop.sh}): N Payara Micro nodes joined
 * through Hazelcast on loopback, behind HAProxy, on a PostgreSQL database created for this cluster only (on the
 * server at 127.0.0.1:5432) and dropped by {@link #close()}. Ports are picked free; everything the scripts write
 * (node logs, pid files, HAProxy's configuration, the shared data directory) is under
 * {@code target/cluster-it/<name>}, kept after the test for reading.
 *
 * <p>Nodes start with {@code PORTAL_REMINDERS=off}, a drain of 4 s and the shipped {@code tenants/} unless
 * {@code env} says otherwise; no {@code PORTAL_*} setting of the test's own environment reaches them. Tests that
 * start a cluster carry the tag {@value #TAG}: they run on PostgreSQL whatever database the other ITs use, so CI
 * runs them once.
 */
public final class Cluster implements AutoCloseable {

  /** The JUnit tag of tests that start a cluster. */
  public static final String TAG = "cluster";
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final int SCRIPT_TIMEOUT_SECONDS = 600;

  private final Path dir;
  private final String database;
  private final int nodes;
  private final int balancerPort;
  private final Map<String, String> env;

  private Cluster(Path dir, String database, int nodes, int balancerPort, Map<String, String> env) {
    this.dir = dir;
    this.database = database;
    this.nodes = nodes;
    this.balancerPort = balancerPort;
    this.env = env;
  }

  /** Starts {@code nodes} nodes behind HAProxy (start.sh waits until each is ready and HAProxy sees it UP). */
  public static Cluster start(String name, int nodes, Map<String, String> extraEnv) throws Exception {
    if (!name.matches("[a-z0-9]{1,20}")) {
      throw new IllegalArgumentException("a cluster's name is 1-20 of a-z, 0-9: " + name);
    }
    Path dir = Path.of("target", "cluster-it", name).toAbsolutePath();
    TestFiles.deleteTree(dir);
    Files.createDirectories(dir);
    String database = "portal_it_" + name + "_" + System.currentTimeMillis() / 1000;
    int base = freeRange(nodes + 2);
    Map<String, String> env = new HashMap<>();
    env.put("PORTAL_CLUSTER_DIR", dir.toString());
    env.put("PORTAL_REMINDERS", "off");
    env.put("PORTAL_DRAIN_SECONDS", "4");
    env.put("PGHOST", "127.0.0.1");
    env.put("PGPORT", "5432");
    env.put("PGUSER", "postgres");
    env.putAll(extraEnv);
    Cluster cluster = new Cluster(dir, database, nodes, base, env);
    try {
      cluster.script("start.sh", "--nodes", String.valueOf(nodes), "--db", database, "--port", String.valueOf(base),
          "--stats-port", String.valueOf(base + nodes + 1), "--hz-port", String.valueOf(freeRange(nodes)),
          "--jar", new File("target/portal.jar").getAbsolutePath());
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** An address through HAProxy, e.g. {@code url("/health/ready")}. */
  public String url(String path) {
    return "http://127.0.0.1:" + balancerPort + path;
  }

  /** An address of node {@code i} (1-based) directly, past HAProxy. */
  public String nodeUrl(int i, String path) {
    return "http://127.0.0.1:" + (balancerPort + checkNode(i)) + path;
  }

  /** The node HAProxy keeps this learner's session on: the prefix it puts on the session cookie ("n2~..."). */
  public int nodeOf(LearnerClient learner) {
    String cookie = learner.cookie("JSESSIONID").orElseThrow(() -> new AssertionError(learner.email() + " has no session"));
    if (!cookie.matches("n[1-9]~.+")) {
      throw new AssertionError("HAProxy did not pin the session of " + learner.email() + " to a node: " + cookie);
    }
    return cookie.charAt(1) - '0';
  }

  /** {@code kill -9} of node {@code i}'s Java process: no drain, no shutdown hook, as a crash. */
  public void kill(int i) throws Exception {
    long pid = Long.parseLong(Files.readString(dir.resolve("node-" + checkNode(i) + ".pid")).strip());
    ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node-" + i + " (pid " + pid + ") is not running"));
    node.destroyForcibly();
    node.onExit().get(30, TimeUnit.SECONDS);
  }

  /** {@code deploy/cluster/restart.sh --node i}: drains and restarts it, or starts it if it died. */
  public String restart(int i) throws Exception {
    return script("restart.sh", "--node", String.valueOf(checkNode(i)));
  }

  /**
   * Runs one of the cluster's scripts with this cluster's settings; returns what it printed, or fails with it
   * when it exits with anything but 0.
   */
  public String script(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", new File("deploy/cluster/" + name).getAbsolutePath()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, name, ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    // not the settings failsafe gives the Arquillian ITs' node (its data directory, its tenants): only this cluster's
    builder.environment().keySet().removeIf(variable -> variable.startsWith("PORTAL_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s:\n" + Files.readString(out));
    }
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(name + " " + String.join(" ", args) + " exited with " + process.exitValue() + ":\n" + printed);
    }
    return printed;
  }

  /** Node {@code i}'s log: what Payara and the portal wrote. */
  public String log(int i) throws IOException {
    return Files.readString(dir.resolve("node-" + checkNode(i) + ".log"), StandardCharsets.UTF_8);
  }

  /** A connection to this cluster's database. */
  public Connection db() throws Exception {
    return DriverManager.getConnection(PG + database, "postgres", "");
  }

  public int nodes() {
    return nodes;
  }

  /** Stops every node and HAProxy ({@code stop.sh --now}), then drops the database. */
  @Override
  public void close() throws Exception {
    try {
      script("stop.sh", "--now");
    } finally {
      try (Connection c = DriverManager.getConnection(PG + "test", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private int checkNode(int i) {
    if (i < 1 || i > nodes) {
      throw new IllegalArgumentException("no node " + i + " in a cluster of " + nodes);
    }
    return i;
  }

  /** The first of {@code count} consecutive ports that are free now. */
  private static int freeRange(int count) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      boolean free = true;
      for (int port = first; port < first + count && free; port++) {
        try (ServerSocket socket = new ServerSocket(port)) {
          socket.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IOException("no " + count + " consecutive free ports found between 20000 and 40000");
  }
}
