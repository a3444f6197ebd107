package com.trustportal.platform.cluster;

import com.trustportal.platform.Database;
import com.trustportal.platform.UniqueViolation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes an hourly background job run once per cluster, not once per node: before a run, a node claims the job's
 * hour by inserting a row into {@code job_claim}; the row's primary key lets exactly one insert win, on H2 as on
 * PostgreSQL, whatever the clocks of the nodes say within the hour. The loser skips the slot. The claim is
 * committed on its own (no transaction around it), so a claim survives a run that fails half-way: that slot is
 * not run again, the next hour's is.
 *
 * <p>{@link #claimThisHour} lets a job tick every minute and still try the database once per hour per node: the
 * first tick of an hour decides, the node remembers the decision, and the other ticks of that hour cost nothing.
 * A tick that cannot reach the database decides nothing, so the next minute tries again.
 */
@ApplicationScoped
public class JobClaims {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);
  /** Names this node in the claims it wins ({@code pid@host}), for whoever reads the table. */
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private static final Logger LOG = Logger.getLogger("portal");

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Per job, the last hour this node decided (won or lost). */
  private final Map<String, String> decided = new ConcurrentHashMap<>();

  /** The slot of an hourly job that runs at {@code at}: its UTC hour, e.g. {@code 2026-12-07T19}. */
  public static String hourOf(Instant at) {
    return HOUR.format(at.truncatedTo(ChronoUnit.HOURS));
  }

  /**
   * Whether this node makes the run of {@code job} for the hour of {@code now}: true once, on the one node of the
   * cluster that claims the hour; false for the other nodes and for every later call in the same hour. Each node
   * logs its decision once per hour. A database error is thrown and decides nothing (the next call tries again).
   */
  public boolean claimThisHour(String job, Instant now) {
    String slot = hourOf(now);
    if (slot.equals(decided.get(job))) {
      return false;
    }
    synchronized (decided) {
      if (slot.equals(decided.get(job))) {
        return false;
      }
      boolean won = claim(job, slot, now);
      decided.put(job, slot);
      LOG.info(() -> "Job " + job + ", hour " + slot + ": " + (won ? "run by this node (" + NODE + ")"
          : "claimed by another node, skipped here"));
      return won;
    }
  }

  /**
   * Whether this node won the run of {@code job} in {@code slot}: true for exactly one caller in the cluster.
   * Any database error other than losing the race is thrown, so an outage is not taken for someone else's run.
   */
  public boolean claim(String job, String slot, Instant at) {
    Objects.requireNonNull(job);
    Objects.requireNonNull(slot);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO job_claim (job, slot, node, claimed_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, job);
      insert.setString(2, slot);
      insert.setString(3, NODE.length() > 100 ? NODE.substring(0, 100) : NODE);
      insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UniqueViolation.in(e)) {
        return false;
      }
      throw new IllegalStateException("claiming job " + job + " for " + slot + " failed: " + e.getMessage(), e);
    }
  }
}
