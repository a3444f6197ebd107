package com.trustportal.enrolment.control;

import java.nio.charset.StandardCharsets;

/** Not a test: prints how long parsing 10,000 and 20,000 rows takes. Run with java on the test classpath. */
public final class LearnerCsvBench {

  private LearnerCsvBench() {
  }

  static byte[] file(int rows) {
    StringBuilder sb = new StringBuilder("email,first name,last name,team,manager email,due date\n");
    for (int i = 0; i < rows; i++) {
      sb.append("user").append(i).append("@example.com,\"First, ").append(i).append("\",Müller,Sales North,boss")
          .append(i % 50).append("@example.com,2027-01-31\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Entry point. */
  public static void main(String[] args) {
    for (int rows : new int[] {10_000, 20_000}) {
      byte[] data = file(rows);
      long cold = time(data, rows);
      for (int i = 0; i < 20; i++) {
        time(data, rows);
      }
      long warm = time(data, rows);
      System.out.printf("%,d rows (%,d bytes): first run %.1f ms, warm %.1f ms%n", rows, data.length,
          cold / 1e6, warm / 1e6);
    }
  }

  private static long time(byte[] data, int rows) {
    long t0 = System.nanoTime();
    ParsedCsv parsed = LearnerCsv.parse(data);
    long t = System.nanoTime() - t0;
    if (!parsed.ok() || parsed.rows().size() != rows) {
      throw new IllegalStateException(parsed.problems().toString());
    }
    return t;
  }
}
