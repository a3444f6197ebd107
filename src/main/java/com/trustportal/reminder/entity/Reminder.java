package com.trustportal.reminder.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.UUID;

/**
 * One reminder e-mail to one person for one period: a learner's reminder of a UTC day, or a manager's
 * digest of an ISO week. The row is claimed before the e-mail is handed to the SMTP server and marked
 * sent after; the unique key on (tenant, account, kind, period) is what allows at most one per period,
 * whichever node or restart tries again.
 */
@Entity
@Table(name = "reminder")
@NamedQuery(name = Reminder.FIND, query =
    "select r from Reminder r where r.accountId = :account and r.kind = :kind and r.period = :period")
@NamedQuery(name = Reminder.FIND_BY_ACCOUNT, query =
    "select r from Reminder r where r.accountId = :account order by r.claimedAt desc")
@NamedQuery(name = Reminder.FIND_ACCOUNTS_OF_PERIOD, query =
    "select r.accountId from Reminder r where r.kind = :kind and r.period = :period")
public class Reminder extends TenantOwned {

  public static final String FIND = "Reminder.find";
  public static final String FIND_BY_ACCOUNT = "Reminder.findByAccount";
  public static final String FIND_ACCOUNTS_OF_PERIOD = "Reminder.findAccountsOfPeriod";

  /** What was sent, and so how its period is counted. */
  public enum Kind {
    /** A learner's due courses and expiring certificates; one per UTC day. */
    LEARNER_DAILY,
    /** A manager's summary of their direct reports; one per ISO week. */
    MANAGER_WEEKLY;

    /** The period an instant falls in: {@code 2026-11-27} for a day, {@code 2026-W48} for a week (UTC). */
    public String period(Instant at) {
      LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
      return switch (this) {
        case LEARNER_DAILY -> day.toString();
        case MANAGER_WEEKLY -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      };
    }
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(nullable = false, length = 10)
  private String period;

  @Column(name = "claimed_at", nullable = false)
  private Instant claimedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(nullable = false)
  private int items;

  protected Reminder() {}

  private Reminder(String accountId, Kind kind, Instant at, int items) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.kind = Objects.requireNonNull(kind);
    this.period = kind.period(at);
    this.claimedAt = Objects.requireNonNull(at);
    this.items = items;
  }

  /** Claims the period's reminder for the account before sending it; {@code items} is how many lines it lists. */
  public static Reminder claim(String accountId, Kind kind, Instant at, int items) {
    return new Reminder(accountId, kind, at, items);
  }

  /** The SMTP server accepted the e-mail. */
  public void sent(Instant at) {
    if (sentAt != null) {
      throw new IllegalStateException("reminder " + id + " was already sent at " + sentAt);
    }
    this.sentAt = Objects.requireNonNull(at);
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public Kind kind() {
    return kind;
  }

  public String period() {
    return period;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  /** When the e-mail was accepted by the SMTP server; null while claimed only (or when the node died sending it). */
  public Instant sentAt() {
    return sentAt;
  }

  public int items() {
    return items;
  }
}
