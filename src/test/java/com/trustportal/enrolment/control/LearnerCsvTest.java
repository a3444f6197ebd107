package com.trustportal.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LearnerCsvTest {

  static final String H = "email,first name,last name,team,manager email,due date\n";
  static final String OK1 = "anna@example.com,Anna,Berg,Sales,boss@example.com,2027-01-31\n";

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] manyRows(int n) {
    StringBuilder sb = new StringBuilder(H);
    for (int i = 0; i < n; i++) {
      sb.append("user").append(i).append("@example.com,First").append(i).append(",Last,Team,,\n");
    }
    return utf8(sb.toString());
  }

  static byte[] tooLarge() {
    byte[] b = new byte[LearnerCsv.MAX_BYTES + 1];
    Arrays.fill(b, (byte) 'a');
    return b;
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("bad e-mail", utf8(H + OK1 + "bob(at)example.com,Bob,Smith,,,\n"), 3, 1, "not an e-mail address: bob(at)example.com"),
        Arguments.of("e-mail without dot", utf8(H + "bob@localhost,Bob,Smith,,,\n"), 2, 1, "not an e-mail address"),
        Arguments.of("e-mail with space", utf8(H + "bob smith@x.com,Bob,Smith,,,\n"), 2, 1, "not an e-mail address"),
        Arguments.of("two @", utf8(H + "a@b@x.com,Bob,Smith,,,\n"), 2, 1, "not an e-mail address"),
        Arguments.of("e-mail too long", utf8(H + "a".repeat(250) + "@x.com,Bob,Smith,,,\n"), 2, 1, "not an e-mail address"),
        Arguments.of("bad manager e-mail", utf8(H + "bob@x.com,Bob,Smith,,boss,\n"), 2, 5, "not an e-mail address: boss"),
        Arguments.of("missing first name", utf8(H + OK1 + OK1.replace("anna", "x") + "c@x.com,,Smith,,,\n"), 4, 2, "missing"),
        Arguments.of("blank last name", utf8(H + "c@x.com,Carl,   ,,,\n"), 2, 3, "missing"),
        Arguments.of("fewer fields", utf8(H + "c@x.com,Carl\n"), 2, 3, "missing"),
        Arguments.of("missing e-mail", utf8(H + ",Carl,Smith,,,\n"), 2, 1, "missing"),
        Arguments.of("duplicate row", utf8(H + OK1 + "b@x.com,B,B,,,\n" + OK1.replace("anna@", "ANNA@")), 4, 1, "already in row 2"),
        Arguments.of("too many columns", utf8(H + "c@x.com,Carl,Smith,,,,extra,more\n"), 2, 7, "too many columns: 8 fields, the header has 6"),
        Arguments.of("invalid UTF-8", concat(utf8(H + OK1 + "m@x.com,Max,M"), new byte[] {(byte) 0xFC}, utf8("ller,,,\n")), 3, 3, "not UTF-8"),
        Arguments.of("invalid UTF-8 says CSV UTF-8", concat(utf8(H + "m@x.com,M"), new byte[] {(byte) 0xFC}, utf8("ller,M,,,\n")), 2, 2, "CSV UTF-8"),
        Arguments.of("UTF-16 LE BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, H.getBytes(StandardCharsets.UTF_16LE)), 0, 0, "UTF-16"),
        Arguments.of("UTF-16 BE BOM", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, H.getBytes(StandardCharsets.UTF_16BE)), 0, 0, "UTF-16"),
        Arguments.of("UTF-16 LE without BOM", H.getBytes(StandardCharsets.UTF_16LE), 0, 0, "UTF-16"),
        Arguments.of("unterminated quote in header", utf8("email,\"first name,last name\nc@x.com,C,S\n"), 1, 2, "unterminated quote"),
        Arguments.of("unterminated quote in last field", utf8(H + OK1 + "c@x.com,C,S,,,\"2027"), 3, 6, "unterminated quote"),
        Arguments.of("unterminated quote", utf8(H + OK1 + "c@x.com,\"Carl,Smith,,,\nd@x.com,D,D,,,\n"), 3, 2, "unterminated quote"),
        Arguments.of("missing required column", utf8("email,first name,team\nc@x.com,Carl,T\n"), 1, 0, "missing required column \"last name\""),
        Arguments.of("unknown column", utf8("email,first name,last name,shoe size\nc@x.com,Carl,Smith,44\n"), 1, 4, "unknown column \"shoe size\""),
        Arguments.of("duplicate column", utf8("email,first name,last name,E-Mail\nc@x.com,Carl,Smith,c@x.com\n"), 1, 4, "duplicate column"),
        Arguments.of("bad date format", utf8(H + "c@x.com,Carl,Smith,,,31/01/2027\n"), 2, 6, "write dates as 2027-01-31"),
        Arguments.of("impossible date", utf8(H + "c@x.com,Carl,Smith,,,2027-02-30\n"), 2, 6, "not a valid date: 2027-02-30"),
        Arguments.of("too large", tooLarge(), 0, 0, "5 MB"),
        Arguments.of("too many rows", manyRows(LearnerCsv.MAX_ROWS + 1), 0, 0, "at most 20000"),
        Arguments.of("empty file", new byte[0], 0, 0, "empty"),
        Arguments.of("only blank lines", utf8("\n\r\n  \n"), 0, 0, "empty"),
        Arguments.of("header only", utf8(H), 0, 0, "no learner rows"),
        Arguments.of("control character in name", utf8(H + "c@x.com,Ca\u0007rl,Smith,,,\n"), 2, 2, "control characters"),
        Arguments.of("newline in quoted name", utf8(H + "c@x.com,\"Ca\nrl\",Smith,,,\n"), 2, 2, "control characters"),
        Arguments.of("bidi override in name", utf8(H + "c@x.com,Carl\u202Egnp.exe,Smith,,,\n"), 2, 2, "control characters"),
        Arguments.of("tab-separated file", utf8("email\tfirst name\tlast name\nc@x.com\tC\tS\n"), 1, 0, "separated by tabs"),
        Arguments.of("name too long", utf8(H + "c@x.com," + "x".repeat(101) + ",Smith,,,\n"), 2, 2, "too long"),
        Arguments.of("team too long", utf8(H + "c@x.com,Carl,Smith," + "t".repeat(81) + ",,\n"), 2, 4, "too long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFile(String name, byte[] file, int row, int column, String fragment) {
    ParsedCsv parsed = LearnerCsv.parse(file);
    assertFalse(parsed.ok(), name);
    CsvProblem p = parsed.problems().stream()
        .filter(x -> x.message().contains(fragment)).findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no problem containing '" + fragment + "' in " + parsed.problems()));
    assertEquals(row, p.row(), name + ": " + p);
    assertEquals(column, p.column(), name + ": " + p);
  }

  /** A file just over the limit once read "The file is 5 MB; at most 5 MB can be imported". */
  @Test
  void aFileOverTheLimitIsRefusedWithItsRealSize() {
    byte[] file = new byte[5_295_308];
    java.util.Arrays.fill(file, (byte) 'a');

    ParsedCsv parsed = LearnerCsv.parse(file);

    assertEquals("the file is 5.05 MB (5,295,308 bytes); at most 5 MB (5,242,880 bytes) can be imported at once."
        + " Split it into smaller files", parsed.problems().get(0).message());
    assertTrue(LearnerCsv.tooLarge(LearnerCsv.MAX_BYTES + 1).startsWith("the file is 5.00 MB (5,242,881 bytes)"),
        "one byte over is visible");
  }

  @Test
  void tooLargeIsTheOnlyProblem() {
    ParsedCsv parsed = LearnerCsv.parse(tooLarge());
    assertEquals(1, parsed.problems().size());
    assertTrue(parsed.rows().isEmpty());
  }

  @Test
  void allProblemsAreReportedAndValidRowsKept() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + OK1 + "bad,,Smith,,,\n" + "ok@x.com,Ok,Fine,,,\n" + "x@x.com,X,X,,,2027-13-01\n"));
    assertEquals(List.of("row 3, column 1 (email): not an e-mail address: bad", "row 3, column 2 (first name): missing",
        "row 5, column 6 (due date): not a valid date: 2027-13-01; write dates as 2027-01-31"),
        parsed.problems().stream().map(CsvProblem::toString).toList());
    assertEquals(List.of(2, 4), parsed.rows().stream().map(LearnerRow::row).toList());
  }

  @Test
  void problemToString() {
    assertEquals("row 7, column 2 (first name): missing", new CsvProblem(7, 2, "first name", "missing").toString());
    assertEquals("row 3: 8 fields, the header has 6", new CsvProblem(3, 0, null, "8 fields, the header has 6").toString());
    assertEquals("file: empty", new CsvProblem(0, 0, null, "empty").toString());
  }

  @Test
  void unicodeWhitespaceIsTrimmed() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + "\u00a0a@x.com\u00a0,\u2003Anna\u00a0,Berg,,,\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals("Anna", parsed.rows().get(0).firstName());
    assertEquals("a@x.com", parsed.rows().get(0).email());
  }

  @Test
  void goodFileFullRow() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + " Anna@Example.COM , Anna , Berg ,Sales, Boss@Example.com ,2027-01-31\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(List.of(new LearnerRow(2, "anna@example.com", "Anna", "Berg", "Sales", "boss@example.com",
        LocalDate.of(2027, 1, 31))), parsed.rows());
  }

  @Test
  void semicolonDelimiter() {
    ParsedCsv parsed = LearnerCsv.parse(utf8("E-Mail;Vorname;First Name;Surname\n".replace("Vorname;", "")
        + "a@x.com;Änne;Müller\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals("Müller", parsed.rows().get(0).lastName());
  }

  @Test
  void utf8Bom() {
    ParsedCsv parsed = LearnerCsv.parse(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(H + OK1)));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals("anna@example.com", parsed.rows().get(0).email());
  }

  @Test
  void quotedCommaAndNewlineKeepRowNumbers() {
    String file = H
        + "a@x.com,\"Smith, Jr.\",Berg,\"Sales\nNorth\",,\n"   // rows 2-3
        + "b@x.com,\"Say \"\"Hi\"\"\",B,,,\n"                    // row 4
        + "c@x.com,C,,,,\n";                                     // row 5: missing last name
    ParsedCsv parsed = LearnerCsv.parse(utf8(file));
    assertEquals("Smith, Jr.", parsed.rows().get(0).firstName());
    assertEquals(2, parsed.rows().get(0).row());
    assertEquals("Sales North", parsed.rows().get(0).team());
    assertEquals("Say \"Hi\"", parsed.rows().get(1).firstName());
    assertEquals(4, parsed.rows().get(1).row());
    assertEquals(1, parsed.problems().size());
    assertEquals(5, parsed.problems().get(0).row());
    assertEquals(3, parsed.problems().get(0).column());
  }

  @Test
  void nameWithNewlineIsControlCharacterButRowNumberRight() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + OK1 + "a@x.com,A,\"x\ny\",,,\nbad,A,B,,,\n"));
    assertEquals(List.of("row 3, column 3 (last name): contains control characters (line breaks, tabs or invisible characters)",
        "row 5, column 1 (email): not an e-mail address: bad"), parsed.problems().stream().map(CsvProblem::toString).toList());
  }

  @Test
  void shuffledColumnsAndTolerantNames() {
    ParsedCsv parsed = LearnerCsv.parse(utf8("Family Name,DUE,Email address,given_name,Manager E-mail,Team\n"
        + "Berg,2027-01-31,a@x.com,Anna,m@x.com,Ops\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(new LearnerRow(2, "a@x.com", "Anna", "Berg", "Ops", "m@x.com", LocalDate.of(2027, 1, 31)),
        parsed.rows().get(0));
  }

  @Test
  void crlf() {
    ParsedCsv parsed = LearnerCsv.parse(utf8("email,firstname,last_name\r\na@x.com,A,B\r\nb@x.com,B,\"C\"\r\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(List.of(2, 3), parsed.rows().stream().map(LearnerRow::row).toList());
    assertEquals("C", parsed.rows().get(1).lastName());
  }

  @Test
  void optionalColumnsAbsentAndNoFinalNewline() {
    ParsedCsv parsed = LearnerCsv.parse(utf8("email,first name,last name\na@x.com,A,B"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    LearnerRow r = parsed.rows().get(0);
    assertNull(r.team());
    assertNull(r.managerEmail());
    assertNull(r.dueDate());
  }

  @Test
  void blankLinesSkipped() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + "\n" + OK1 + "\n   \n,,,,,\n" + "b@x.com,B,B,,,\n\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(List.of(3, 7), parsed.rows().stream().map(LearnerRow::row).toList());
  }

  @Test
  void nonAsciiNames() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + "z@x.com,Zoë,Ångström,,,\n" + "a@x.com,Анна,Иванова,,,\n"
        + "l@x.com,ليلى,العلي,,,\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(List.of("Zoë", "Анна", "ليلى"), parsed.rows().stream().map(LearnerRow::firstName).toList());
  }

  @Test
  void formulaLikeNamesAcceptedAsGiven() {
    ParsedCsv parsed = LearnerCsv.parse(utf8(H + "a@x.com,=1+1,-Smith,@team,,\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals("=1+1", parsed.rows().get(0).firstName());
  }

  @Test
  void lastRowWithTrailingEmptyFieldsIsFine() {
    ParsedCsv parsed = LearnerCsv.parse(utf8("email,first name,last name,,\na@x.com,A,B,,\n"));
    assertTrue(parsed.ok(), parsed.problems()::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+49 170", "-5", "@SUM(A1)", "\tx", "\rx"})
  void safeCellPrefixesApostrophe(String value) {
    assertEquals("'" + value, LearnerCsv.safeCell(value));
  }

  @Test
  void safeCellLeavesNormalValues() {
    assertEquals("Anna", LearnerCsv.safeCell("Anna"));
    assertEquals("", LearnerCsv.safeCell(null));
    assertEquals("a=b", LearnerCsv.safeCell("a=b"));
  }

  @Test
  void exportQuotesAndMakesSafe() {
    String csv = LearnerCsv.export(List.of("name", "note"),
        List.of(List.of("=1+1", "Smith, Jr."), List.of("say \"hi\"", "-5"), List.of("@SUM(A1)", "\tx")));
    assertEquals("name,note\r\n'=1+1,\"Smith, Jr.\"\r\n\"say \"\"hi\"\"\",'-5\r\n'@SUM(A1),'\tx\r\n", csv);
  }

  @Test
  void exportRoundTrip() {
    List<String> header = List.of("email", "first name", "last name", "team", "manager email", "due date");
    List<List<String>> rows = List.of(
        List.of("a@x.com", "Smith, Jr.", "O\"Neil", "Sales; North", "m@x.com", "2027-01-31"),
        List.of("b@x.com", "Zoë", "Анна", "", "", ""));
    ParsedCsv parsed = LearnerCsv.parse(utf8(LearnerCsv.export(header, rows)));
    assertTrue(parsed.ok(), parsed.problems()::toString);
    assertEquals(List.of(
        new LearnerRow(2, "a@x.com", "Smith, Jr.", "O\"Neil", "Sales; North", "m@x.com", LocalDate.of(2027, 1, 31)),
        new LearnerRow(3, "b@x.com", "Zoë", "Анна", null, null, null)), parsed.rows());
  }

  @Test
  void maxRowsAccepted() {
    ParsedCsv parsed = LearnerCsv.parse(manyRows(LearnerCsv.MAX_ROWS));
    assertTrue(parsed.ok(), () -> parsed.problems().subList(0, Math.min(3, parsed.problems().size())).toString());
    assertEquals(LearnerCsv.MAX_ROWS, parsed.rows().size());
  }

  @Test
  void randomMutationsNeverThrow() {
    byte[] good = utf8(H + OK1 + "b@x.com,\"B, b\",\"x\"\"y\",T,m@x.com,2027-01-01\r\nc@x.com;C;C;;;\n");
    java.util.Random random = new java.util.Random(42);
    byte[] alphabet = utf8(",;\"\r\n@.-=a ");
    for (int i = 0; i < 5000; i++) {
      byte[] b = good.clone();
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        int pos = random.nextInt(b.length);
        b[pos] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
      }
      ParsedCsv parsed = LearnerCsv.parse(b);
      for (CsvProblem p : parsed.problems()) {
        assertTrue(p.row() >= 0 && p.column() >= 0 && !p.toString().isEmpty());
      }
    }
  }

  @Test
  void nullAndGarbageNeverThrow() {
    assertFalse(LearnerCsv.parse(null).ok());
    byte[] junk = new byte[4096];
    new java.util.Random(1).nextBytes(junk);
    assertFalse(LearnerCsv.parse(junk).ok());
    assertFalse(LearnerCsv.parse(utf8("\"")).ok());
    assertFalse(LearnerCsv.parse(utf8(",,,\n\"a")).ok());
  }
}
