package com.trustportal.enrolment.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates the CSV file a company admin uploads to enrol learners in bulk, and exports CSV safely.
 * Columns: email, first name, last name (required), team, manager email, due date (optional), in any order.
 */
public final class LearnerCsv {

  /** Largest accepted upload in bytes (5 MB). */
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  /** Largest accepted number of data rows. */
  public static final int MAX_ROWS = 20_000;

  public static final int MAX_NAME = 100;
  public static final int MAX_TEAM = 80;
  public static final int MAX_EMAIL = 254;

  /** Line breaks and tabs inside a team name are turned into one space. */
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** The known columns with their display names. */
  enum Col {
    EMAIL("email", true), FIRST("first name", true), LAST("last name", true), TEAM("team", false),
    MANAGER("manager email", false), DUE("due date", false);

    final String label;
    final boolean required;

    Col(String label, boolean required) {
      this.label = label;
      this.required = required;
    }
  }

  private static final Map<String, Col> ALIASES = new HashMap<>();

  static {
    for (String s : List.of("email", "emailaddress", "mail")) {
      ALIASES.put(s, Col.EMAIL);
    }
    for (String s : List.of("firstname", "givenname", "forename")) {
      ALIASES.put(s, Col.FIRST);
    }
    for (String s : List.of("lastname", "surname", "familyname")) {
      ALIASES.put(s, Col.LAST);
    }
    ALIASES.put("team", Col.TEAM);
    for (String s : List.of("manageremail", "manager", "manageremailaddress")) {
      ALIASES.put(s, Col.MANAGER);
    }
    for (String s : List.of("duedate", "due")) {
      ALIASES.put(s, Col.DUE);
    }
  }

  private LearnerCsv() {
  }

  /**
   * Why a file of {@code bytes} is refused, with its real size: "The file is 5.05 MB (5,295,308 bytes);
   * at most 5 MB (5,242,880 bytes) ...". A size just over the limit must not read as the limit itself.
   */
  public static String tooLarge(long bytes) {
    return "the file is " + size(bytes) + "; at most " + size(MAX_BYTES) + " can be imported at once."
        + " Split it into smaller files";
  }

  /** "5.05 MB (5,295,308 bytes)": rounded for reading, exact for comparing; whole megabytes only when exact. */
  static String size(long bytes) {
    long mb = 1024 * 1024;
    String rounded = bytes % mb == 0 ? Long.toString(bytes / mb) : String.format(Locale.ROOT, "%.2f", (double) bytes / mb);
    return rounded + " MB" + String.format(Locale.ROOT, " (%,d bytes)", bytes);
  }

  /** Never throws for bad input; every problem is reported with its row and column, all of them (not only the first). */
  public static ParsedCsv parse(byte[] bytes) {
    List<CsvProblem> problems = new ArrayList<>();
    List<LearnerRow> rows = new ArrayList<>();
    if (bytes == null || bytes.length == 0) {
      return fileProblem("the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      return fileProblem(tooLarge(bytes.length));
    }
    if (looksUtf16(bytes)) {
      return fileProblem("the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" and upload again");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    String text = decode(bytes, start, problems);
    if (text == null) {
      return new ParsedCsv(rows, problems);
    }

    CsvTokenizer tokenizer = new CsvTokenizer(CsvTokenizer.detectDelimiter(text)).feed(text).finish();
    List<CsvTokenizer.Record> records = new ArrayList<>();
    for (CsvTokenizer.Record r : tokenizer.records()) {
      if (!isBlank(r)) {
        records.add(r);
      }
    }
    if (records.isEmpty()) {
      if (tokenizer.inUnterminatedQuote()) {
        problems.add(new CsvProblem(tokenizer.pendingRow(), tokenizer.pendingColumn(), null,
            "unterminated quote: a field starts with \" but has no closing \""));
        return new ParsedCsv(rows, problems);
      }
      return fileProblem("the file is empty");
    }
    CsvTokenizer.Record headerRecord = records.get(0);
    List<CsvTokenizer.Record> data = records.subList(1, records.size());
    if (data.size() > MAX_ROWS) {
      return fileProblem("the file has " + data.size() + " rows; at most " + MAX_ROWS
          + " learners can be enrolled per file");
    }

    Col[] columns = header(headerRecord, problems);
    if (columns == null) {
      return new ParsedCsv(rows, problems);
    }
    if (data.isEmpty() && !tokenizer.inUnterminatedQuote()) {
      problems.add(CsvProblem.file("the file has a header but no learner rows"));
      return new ParsedCsv(rows, problems);
    }

    Map<String, Integer> seen = new HashMap<>();
    for (CsvTokenizer.Record r : data) {
      LearnerRow row = row(r, columns, seen, problems);
      if (row != null) {
        rows.add(row);
      }
    }
    if (tokenizer.inUnterminatedQuote()) {
      int col = tokenizer.pendingColumn();
      problems.add(new CsvProblem(tokenizer.pendingRow(), col, label(columns, col - 1),
          "unterminated quote: a field starts with \" but has no closing \""));
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] != null) {
        positions.putIfAbsent(columns[i].label, i + 1);
      }
    }
    return new ParsedCsv(rows, problems, positions);
  }

  private static ParsedCsv fileProblem(String message) {
    return new ParsedCsv(List.of(), List.of(CsvProblem.file(message)));
  }

  private static boolean looksUtf16(byte[] b) {
    if (b.length >= 2) {
      int b0 = b[0] & 0xFF;
      int b1 = b[1] & 0xFF;
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        return true;
      }
      // no BOM, but ASCII text as UTF-16 has a zero byte in every pair
      return b.length >= 4 && ((b0 == 0 && b[2] == 0 && b1 != 0) || (b1 == 0 && b[3] == 0 && b0 != 0));
    }
    return false;
  }

  /** Decodes strict UTF-8; on the first bad byte adds a problem with its row and column and returns null. */
  private static String decode(byte[] bytes, int start, List<CsvProblem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    String prefix = out.toString();
    if (!result.isError()) {
      return prefix;
    }
    CsvTokenizer t = new CsvTokenizer(CsvTokenizer.detectDelimiter(prefix)).feed(prefix);
    String hex = String.format("0x%02X", bytes[in.position()] & 0xFF);
    problems.add(new CsvProblem(t.pendingRow(), t.pendingColumn(), null,
        "not UTF-8 (byte " + hex + "); in Excel use Save As \"CSV UTF-8 (comma delimited)\" and upload again"));
    return null;
  }

  private static boolean isBlank(CsvTokenizer.Record r) {
    for (String f : r.fields()) {
      if (!clean(f).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Trims whitespace including no-break and other Unicode spaces (String.strip keeps U+00A0). */
  public static String clean(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static String normalize(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Maps header cells to columns; returns null when a required column is missing. */
  private static Col[] header(CsvTokenizer.Record header, List<CsvProblem> problems) {
    List<String> names = new ArrayList<>(header.fields());
    while (!names.isEmpty() && clean(names.get(names.size() - 1)).isEmpty()) {
      names.remove(names.size() - 1);   // trailing empty cells that spreadsheets add
    }
    Col[] columns = new Col[names.size()];
    Map<Col, Integer> found = new HashMap<>();
    int row = header.line();
    for (int i = 0; i < names.size(); i++) {
      String raw = clean(names.get(i));
      if (raw.isEmpty()) {
        problems.add(new CsvProblem(row, i + 1, null, "column has no name"));
        continue;
      }
      Col col = ALIASES.get(normalize(raw));
      if (col == null && names.size() == 1 && raw.indexOf('\t') >= 0) {
        problems.add(new CsvProblem(row, 0, null,
            "columns are separated by tabs; save the file as \"CSV UTF-8 (comma delimited)\""));
      } else if (col == null) {
        problems.add(new CsvProblem(row, i + 1, raw, "unknown column \"" + shorten(raw)
            + "\"; expected email, first name, last name, team, manager email, due date"));
      } else if (found.containsKey(col)) {
        problems.add(new CsvProblem(row, i + 1, col.label, "duplicate column \"" + shorten(raw)
            + "\", already column " + (found.get(col) + 1)));
      } else {
        found.put(col, i);
        columns[i] = col;
      }
    }
    boolean complete = true;
    for (Col col : Col.values()) {
      if (col.required && !found.containsKey(col)) {
        problems.add(new CsvProblem(row, 0, col.label, "missing required column \"" + col.label + "\""));
        complete = false;
      }
    }
    return complete ? columns : null;
  }

  private static String label(Col[] columns, int index) {
    return index >= 0 && index < columns.length && columns[index] != null ? columns[index].label : null;
  }

  private static LearnerRow row(CsvTokenizer.Record r, Col[] columns, Map<String, Integer> seen,
      List<CsvProblem> problems) {
    int before = problems.size();
    int line = r.line();
    List<String> fields = r.fields();
    for (int i = columns.length; i < fields.size(); i++) {
      if (!clean(fields.get(i)).isEmpty()) {
        problems.add(new CsvProblem(line, i + 1, null, "too many columns: " + fields.size()
            + " fields, the header has " + columns.length));
        break;
      }
    }
    String email = null;
    String first = null;
    String last = null;
    String team = null;
    String manager = null;
    LocalDate due = null;
    for (int i = 0; i < columns.length; i++) {
      Col col = columns[i];
      if (col == null) {
        continue;
      }
      String value = i < fields.size() ? clean(fields.get(i)) : "";
      if (value.isEmpty()) {
        if (col.required) {
          problems.add(new CsvProblem(line, i + 1, col.label, "missing"));
        }
        continue;
      }
      switch (col) {
        case EMAIL -> email = email(value, line, i + 1, col, problems);
        case FIRST -> first = text(value, MAX_NAME, line, i + 1, col, problems);
        case LAST -> last = text(value, MAX_NAME, line, i + 1, col, problems);
        case TEAM -> team = text(LINE_BREAKS.matcher(value).replaceAll(" "), MAX_TEAM, line, i + 1, col, problems);
        case MANAGER -> manager = email(value, line, i + 1, col, problems);
        case DUE -> due = date(value, line, i + 1, col, problems);
        default -> throw new IllegalStateException();
      }
      if (col == Col.EMAIL && email != null) {
        Integer first0 = seen.putIfAbsent(email, line);
        if (first0 != null) {
          problems.add(new CsvProblem(line, i + 1, col.label,
              "duplicate e-mail address " + email + ", already in row " + first0));
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new LearnerRow(line, email, first, last, team, manager, due);
  }

  /** The rule for an e-mail address in a file, also used by the single-learner form. */
  public static boolean isEmail(String v) {
    if (v.length() > MAX_EMAIL) {
      return false;
    }
    int at = v.indexOf('@');
    if (at <= 0 || at != v.lastIndexOf('@') || at == v.length() - 1) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    String domain = v.substring(at + 1);
    return domain.indexOf('.') > 0 && !domain.endsWith(".") && !domain.contains("..");
  }

  private static String email(String value, int row, int column, Col col, List<CsvProblem> problems) {
    if (!isEmail(value)) {
      problems.add(new CsvProblem(row, column, col.label, "not an e-mail address: " + shorten(value)));
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static String text(String value, int max, int row, int column, Col col, List<CsvProblem> problems) {
    List<String> found = textProblems(value, max);
    found.forEach(message -> problems.add(new CsvProblem(row, column, col.label, message)));
    return found.isEmpty() ? value : null;
  }

  /** What is wrong with a name or team (too long, control characters); empty when it is fine. */
  public static List<String> textProblems(String value, int max) {
    List<String> found = new ArrayList<>();
    if (value.codePointCount(0, value.length()) > max) {
      found.add("too long (at most " + max + " characters)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        found.add("contains control characters (line breaks, tabs or invisible characters)");
        break;
      }
    }
    return found;
  }

  private static LocalDate date(String value, int row, int column, Col col, List<CsvProblem> problems) {
    try {
      return LocalDate.parse(value, ISO_DATE);
    } catch (DateTimeParseException e) {
      problems.add(new CsvProblem(row, column, col.label,
          "not a valid date: " + shorten(value) + "; write dates as 2027-01-31"));
      return null;
    }
  }

  private static String shorten(String value) {
    StringBuilder sb = new StringBuilder();
    int limit = Math.min(value.length(), 60);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    return value.length() > 60 ? sb.append("…").toString() : sb.toString();
  }

  /** CSV text for export, RFC 4180 quoting, CRLF line ends; every cell made safe with safeCell. */
  public static String export(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header);
    if (rows != null) {
      for (List<String> row : rows) {
        appendLine(sb, row);
      }
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> cells) {
    if (cells != null) {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        String cell = safeCell(cells.get(i));
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf(';') >= 0
            || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
          sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(cell);
        }
      }
    }
    sb.append("\r\n");
  }

  /** A cell that spreadsheet software will never execute: values starting with = + - @ TAB or CR get a leading apostrophe. */
  public static String safeCell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
  }
}
