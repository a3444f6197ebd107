package com.trustportal.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server that one test owns: {@code initdb} in a temporary directory, on a free port, started and
 * stopped with {@code pg_ctl}, so a test can take the database away without touching the machine's own server.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 */
final class TestPostgres implements AutoCloseable {

  final int port;
  private final Path dir;
  private final Path bin;

  private TestPostgres(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  static TestPostgres create() throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("portal-pg-");
    if (asRoot()) {
      run("chown", "-R", "postgres", dir.toString());
    }
    TestPostgres pg = new TestPostgres(dir, bin, freePort());
    pg.asPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres");
    return pg;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  void start() throws Exception {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "-w", "start");
  }

  /** A fast shutdown, as an administrator restarting the server does: sessions are ended, not waited for. */
  void stop() throws Exception {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
  }

  /** Ends every session of the portal, as a failover or an administrator's {@code pg_terminate_backend} does. */
  int terminatePortalSessions() throws SQLException {
    try (Connection c = connect(); ResultSet rows = c.createStatement().executeQuery(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '"
            + PortalDataSource.APPLICATION_NAME + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  @Override
  public void close() throws Exception {
    try {
      stop();
    } catch (Exception alreadyStopped) {
      // nothing to stop
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private void asPostgres(String... command) throws Exception {
    List<String> line = new ArrayList<>();
    if (asRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    run(line.toArray(String[]::new));
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** The newest installed server, e.g. /usr/lib/postgresql/15/bin (Debian's layout; .ci/run installs it). */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D.*", ""))))
          .map(v -> v.resolve("bin"))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + root + ": apt-get install postgresql"));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
