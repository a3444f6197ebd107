package com.trustportal.tenant.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant files are written by people, so every mistake must come back with the file, the 1-based
 * line and the field the author has to fix. Each test writes its own tenant folder.
 */
class TenantConfigParserTest {

  /** A complete, valid tenant file; the tests below break one line of it (line numbers on the right). */
  private static final String VALID = """
      # Acme Corporation: test tenant
      name: Acme Corporation
      hosts: [Acme.Example.COM, learn.acme.example.com]
      brand:
        primary: "#B3261E"
        accent: "#e8a33d"
        logo: logo.svg
      locale: en-GB
      seats: 250
      courses: [collaborative-selling, negotiation-basics]
      certificate:
        signer: Maria Okafor
        title: VP Sales Enablement
      accounts:
        - email: Admin@Acme.Example
          name: Alex Admin
          role: admin
          password: demo-password
        - email: manager@acme.example
          name: Morgan Manager
          role: manager
        - email: learner@acme.example
          name: Lee Learner
          role: learner
          manager: Manager@acme.example
      """;
  // lines: 2 name, 3 hosts, 5 primary, 6 accent, 7 logo, 8 locale, 9 seats, 12 signer, 13 title,
  // 15-18 admin (18 password), 19-21 manager, 22-25 learner (24 role, 25 manager)

  private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

  @TempDir Path tenants;

  @Test
  void validFileIsReadWithEverySetting() throws IOException {
    Path dir = tenant("acme", VALID);

    TenantConfigParser.Result result = TenantConfigParser.parse(dir);

    assertEquals(List.of(), result.problems());
    TenantConfig config = result.config();
    assertAll(
        () -> assertEquals("acme", config.slug()),
        () -> assertEquals("Acme Corporation", config.name()),
        () -> assertEquals(List.of("acme.example.com", "learn.acme.example.com"), config.hosts()),
        () -> assertEquals("#b3261e", config.brand().primary()),
        () -> assertEquals("#e8a33d", config.brand().accent()),
        () -> assertEquals(dir.toRealPath().resolve("logo.svg"), config.brand().logo()),
        () -> assertEquals(Locale.forLanguageTag("en-GB"), config.locale()),
        () -> assertEquals(250, config.seats()),
        () -> assertEquals(List.of("collaborative-selling", "negotiation-basics"), config.courses()),
        () -> assertEquals(new TenantConfig.Signer("Maria Okafor", "VP Sales Enablement"), config.signer()),
        () -> assertTrue(config.digest().matches("[0-9a-f]{64}"), config.digest()));
    List<TenantConfig.InitialAccount> accounts = config.accounts();
    assertEquals(3, accounts.size());
    assertAll(
        () -> assertEquals("admin@acme.example", accounts.get(0).email()),
        () -> assertEquals("Alex Admin", accounts.get(0).name()),
        () -> assertEquals("admin", accounts.get(0).role()),
        () -> assertEquals("demo-password", accounts.get(0).password()),
        () -> assertNull(accounts.get(0).manager()),
        () -> assertEquals("manager@acme.example", accounts.get(1).email()),
        () -> assertEquals("manager", accounts.get(1).role()),
        () -> assertNull(accounts.get(1).password()),
        () -> assertEquals("learner@acme.example", accounts.get(2).email()),
        () -> assertEquals("learner", accounts.get(2).role()),
        () -> assertEquals("manager@acme.example", accounts.get(2).manager()));
  }

  @Test
  void accentDefaultsToThePrimaryColour() throws IOException {
    TenantConfig config = parseValid(tenant("acme", VALID.replace("  accent: \"#e8a33d\"\n", "")));

    assertEquals("#b3261e", config.brand().accent());
  }

  @Test
  void passwordOfExactlyTwelveCharactersIsAccepted() throws IOException {
    TenantConfig config = parseValid(tenant("acme", VALID.replace("password: demo-password", "password: twelve-chars")));

    assertEquals("twelve-chars", config.accounts().get(0).password());
  }

  @Test
  void certificateValidityRecertificationAndDemoCompletionsAreRead() throws IOException {
    TenantConfig config = parseValid(tenant("acme", VALID
        .replace("  title: VP Sales Enablement\n",
            "  title: VP Sales Enablement\n  valid_for_months: 24\n  recertify_days_before: 45\n")
        .replace("    manager: Manager@acme.example\n",
            "    manager: Manager@acme.example\n    completed: [collaborative-selling]\n")));

    assertEquals(new TenantConfig.Signer("Maria Okafor", "VP Sales Enablement", 24, 45), config.signer());
    assertEquals(List.of("collaborative-selling"), config.accounts().get(2).completed());
    assertEquals(List.of(), config.accounts().get(0).completed());
  }

  @Test
  void certificatesDoNotExpireUnlessTheTenantSaysSo() throws IOException {
    TenantConfig config = parseValid(tenant("acme", VALID));

    assertEquals(0, config.signer().validForMonths());
    assertEquals(TenantConfig.Signer.DEFAULT_RECERTIFY_DAYS, config.signer().recertifyDaysBefore());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "601", "two years", "1.5"})
  void badValidityIsReportedWithLineAndField(String value) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("  title: VP Sales Enablement\n",
        "  title: VP Sales Enablement\n  valid_for_months: " + value + "\n"))));

    assertProblem(problem, 14, "certificate.valid_for_months");
    assertTrue(problem.message().contains("'" + value + "'"), problem::toString);
  }

  @Test
  void aTenantMayOverrideTheAssessmentPolicyKeyByKey() throws IOException {
    TenantConfig plain = parseValid(tenant("acme", VALID));
    TenantConfig config = parseValid(tenant("acme", VALID.replace("  title: VP Sales Enablement\n",
        "  title: VP Sales Enablement\nassessment:\n  cooling-off-hours: 48\n  show-correct-answers: true\n")));

    assertEquals(TenantConfig.AssessmentOverrides.NONE, plain.assessment());
    assertEquals(new TenantConfig.AssessmentOverrides(null, 48, true, null), config.assessment());
  }

  @ParameterizedTest
  @ValueSource(strings = {"  cooling-off-hours: -1", "  cooling-off-after: many", "  show-correct-answers: sometimes",
      "  minimum-active-minutes: 10001", "  retakes: 3"})
  void aBadAssessmentOverrideIsReportedWithLineAndField(String line) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("  title: VP Sales Enablement\n",
        "  title: VP Sales Enablement\nassessment:\n" + line + "\n"))));

    assertProblem(problem, 15, "assessment." + line.strip().substring(0, line.strip().indexOf(':')));
  }

  @Test
  void aTenantMayRequireTwoFactorForRoles() throws IOException {
    TenantConfig plain = parseValid(tenant("acme", VALID));
    TenantConfig config = parseValid(tenant("acme", VALID.replace("  title: VP Sales Enablement\n",
        "  title: VP Sales Enablement\nsecurity:\n  two_factor: [Admin, manager]\n")));

    assertEquals(TenantConfig.Security.NONE, plain.security());
    assertEquals(Set.of("admin", "manager"), config.security().twoFactor());
    assertTrue(config.security().requiresTwoFactor("MANAGER"));
    assertFalse(config.security().requiresTwoFactor("learner"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'  two_factor: [admin, operator]'|security.two_factor",
      "'  two_factor: [admin, admin]'|security.two_factor",
      "'  two_factor: admin'|security.two_factor",
      "'  two-factor: [admin]'|security.two-factor"})
  void aBadTwoFactorSettingIsReportedWithLineAndField(String line, String field) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("  title: VP Sales Enablement\n",
        "  title: VP Sales Enablement\nsecurity:\n" + line + "\n"))));

    assertProblem(problem, 15, field);
  }

  @Test
  void demoCompletionsMustBeAList() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("    manager: Manager@acme.example\n",
        "    manager: Manager@acme.example\n    completed: collaborative-selling\n"))));

    assertProblem(problem, 26, "accounts[3].completed");
  }

  // --- YAML syntax -------------------------------------------------------------------------------

  @Test
  void unclosedQuoteIsReportedOnItsOwnLineEvenWhenALaterQuoteClosesIt() throws IOException {
    // the quote opened on line 2 is closed by the first quote of line 5; YAML only fails on line 6
    List<TenantProblem> problems = problems(tenant("acme", VALID.replace("name: Acme Corporation", "name: \"Acme Corporation")));

    TenantProblem problem = single(problems);
    assertProblem(problem, 2, "");
    assertTrue(problem.message().startsWith("YAML syntax error"), problem::toString);
  }

  @Test
  void unclosedQuoteThatRunsToTheEndOfTheFileIsReportedOnItsOwnLine() throws IOException {
    List<TenantProblem> problems = problems(tenant("acme", VALID.replace("title: VP Sales Enablement", "title: 'VP Sales Enablement")));

    TenantProblem problem = single(problems);
    assertProblem(problem, 13, "");
    assertTrue(problem.message().startsWith("YAML syntax error"), problem::toString);
  }

  @Test
  void unclosedListIsReportedOnTheLineItOpens() throws IOException {
    List<TenantProblem> problems = problems(tenant("acme", VALID.replace("learn.acme.example.com]", "learn.acme.example.com")));

    TenantProblem problem = single(problems);
    assertProblem(problem, 3, "");
    assertTrue(problem.message().startsWith("YAML syntax error"), problem::toString);
  }

  @ParameterizedTest(name = "[{index}] line {1}: {0}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
      "  accent: \"#e8a33d\"|   accent: \"#e8a33d\"|6",
      "  logo: logo.svg| logo: logo.svg|7",
      "  logo: logo.svg|\tlogo: logo.svg|7",
      "    role: learner|     role: learner|24"})
  void badIndentationIsReportedOnTheMisindentedLine(String line, String misindented, int expectedLine) throws IOException {
    List<TenantProblem> problems = problems(tenant("acme", VALID.replace(line + "\n", misindented + "\n")));

    TenantProblem problem = single(problems);
    assertProblem(problem, expectedLine, "");
    assertTrue(problem.message().startsWith("YAML syntax error"), problem::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"- acme\n- globex\n", "just a sentence\n", "", "# only a comment\n"})
  void documentThatIsNotAMappingIsRefused(String yaml) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", yaml)));

    assertProblem(problem, 1, "");
    assertTrue(problem.message().contains("expected a mapping"), problem::toString);
  }

  // --- keys --------------------------------------------------------------------------------------

  @Test
  void unknownTopLevelKeyIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("locale: en-GB", "local: en-GB"))));

    assertProblem(problem, 8, "local");
    assertTrue(problem.message().contains("unknown key 'local'"), problem::toString);
    assertTrue(problem.message().contains("locale"), "names the keys that are allowed: " + problem);
  }

  @Test
  void unknownNestedKeyIsReportedWithItsPath() throws IOException {
    List<TenantProblem> problems = problems(tenant("acme", VALID.replace("primary: \"#B3261E\"", "primry: \"#B3261E\"")));

    TenantProblem unknown = withField(problems, "brand.primry");
    assertEquals(5, unknown.line(), unknown::toString);
    assertTrue(unknown.message().contains("unknown key 'primry'"), unknown::toString);
    assertTrue(unknown.message().contains("primary"), "names the keys that are allowed: " + unknown);
    assertTrue(withField(problems, "brand.primary").message().contains("missing"), problems::toString);
  }

  @Test
  void keyGivenTwiceIsReportedAtTheSecondOne() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("seats: 250\n", "seats: 250\nseats: 300\n"))));

    assertProblem(problem, 10, "seats");
    assertTrue(problem.message().contains("appears twice"), problem::toString);
  }

  @Test
  void missingNameIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("name: Acme Corporation\n", ""))));

    // nothing to point at, so the problem points at the first setting (hosts, now line 2)
    assertProblem(problem, 2, "name");
    assertTrue(problem.message().contains("missing required setting"), problem::toString);
  }

  @Test
  void emptyNameIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("name: Acme Corporation", "name: \"  \""))));

    assertProblem(problem, 2, "name");
    assertTrue(problem.message().contains("must not be empty"), problem::toString);
  }

  // --- hosts -------------------------------------------------------------------------------------

  @Test
  void hostListedTwiceInOneFileIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace(
        "hosts: [Acme.Example.COM, learn.acme.example.com]",
        "hosts:\n  - acme.example.com\n  - ACME.example.com"))));

    assertProblem(problem, 5, "hosts");
    assertTrue(problem.message().contains("'acme.example.com' is listed twice"), problem::toString);
  }

  @Test
  void hostClaimedByAnEarlierTenantRefusesTheLaterTenantOnly() throws IOException {
    tenant("acme", VALID.replace("[Acme.Example.COM, learn.acme.example.com]", "[shared.example.com]"));
    tenant("globex", VALID.replace("name: Acme Corporation", "name: Globex")
        .replace("hosts: [Acme.Example.COM, learn.acme.example.com]",
            "hosts:\n  - learn.shared.example.com\n  - Shared.Example.com"));

    TenantFolders.Scan scan = TenantFolders.scan(tenants);

    assertEquals(Set.of("acme"), scan.tenants().keySet());
    assertEquals(List.of("shared.example.com"), scan.tenants().get("acme").hosts());
    assertEquals(Set.of("globex"), scan.failed().keySet());
    TenantProblem problem = single(scan.failed().get("globex"));
    assertProblem(problem, "globex/tenant.yaml", 5, "hosts");
    assertTrue(problem.message().contains("'shared.example.com'"), problem::toString);
    assertTrue(problem.message().contains("tenant 'acme'"), "names the tenant that has the host: " + problem);
  }

  @Test
  void scanKeepsServingValidTenantsWhenOneFolderIsBroken() throws IOException {
    tenant("acme", VALID);
    tenant("broken", VALID.replace("[Acme.Example.COM, learn.acme.example.com]", "[broken.example.com]")
        .replace("seats: 250", "seats: lots"));
    tenant("globex", VALID.replace("[Acme.Example.COM, learn.acme.example.com]", "[globex.example.com]"));

    TenantFolders.Scan scan = TenantFolders.scan(tenants);

    assertEquals(Set.of("acme", "globex"), scan.tenants().keySet());
    assertEquals(List.of("globex.example.com"), scan.tenants().get("globex").hosts());
    assertEquals(Set.of("broken"), scan.failed().keySet());
    TenantProblem problem = single(scan.failed().get("broken"));
    assertProblem(problem, "broken/tenant.yaml", 9, "seats");
  }

  // --- brand -------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"red", "#12345", "#gggggg", "#1234567", "b3261e"})
  void colourThatIsNotHashAndSixHexDigitsIsReported(String colour) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("\"#B3261E\"", "\"" + colour + "\""))));

    assertProblem(problem, 5, "brand.primary");
    assertTrue(problem.message().contains("'" + colour + "' is not a colour"), problem::toString);
    assertTrue(problem.message().contains("#rrggbb"), "says how to write it: " + problem);
  }

  @Test
  void badAccentColourIsReportedOnTheAccentLine() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("\"#e8a33d\"", "orange"))));

    assertProblem(problem, 6, "brand.accent");
  }

  @Test
  void missingLogoFileIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("logo: logo.svg", "logo: missing.svg"))));

    assertProblem(problem, 7, "brand.logo");
    assertTrue(problem.message().contains("'missing.svg' does not exist"), problem::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.svg", "../globex/x.svg", "sub/../../x.svg"})
  void logoOutsideTheTenantFolderIsRefusedEvenWhenTheFileExists(String logo) throws IOException {
    Files.writeString(tenants.resolve("x.svg"), LOGO);
    Files.createDirectories(tenants.resolve("globex"));
    Files.writeString(tenants.resolve("globex/x.svg"), LOGO);

    TenantProblem problem = single(problems(tenant("acme", VALID.replace("logo: logo.svg", "logo: " + logo))));

    assertProblem(problem, 7, "brand.logo");
    assertTrue(problem.message().contains("outside the tenant folder"), problem::toString);
  }

  // --- hostile files: size limits and symbolic links -----------------------------------------------

  @Test
  void tenantFileJustOverTheLimitIsRefusedWithItsSizeAndTheLimit() throws IOException {
    String yaml = VALID + "#".repeat((int) (TenantFiles.MAX_CONFIG_BYTES - VALID.length())) + "\n";
    assertEquals(TenantFiles.MAX_CONFIG_BYTES + 1, yaml.getBytes(StandardCharsets.UTF_8).length);

    TenantProblem problem = single(problems(tenant("acme", yaml)));

    assertProblem(problem, 1, "");
    assertEquals("the file is 256.0 KB (262,145 bytes); at most 256 KB (262,144 bytes) is accepted", problem.message());
  }

  @Test
  void tenantFileAtTheLimitIsRead() throws IOException {
    String yaml = VALID + "#".repeat((int) (TenantFiles.MAX_CONFIG_BYTES - VALID.length() - 1)) + "\n";
    assertEquals(TenantFiles.MAX_CONFIG_BYTES, yaml.getBytes(StandardCharsets.UTF_8).length);

    assertEquals("Acme Corporation", parseValid(tenant("acme", yaml)).name());
  }

  /** A sparse 4 GB file: reading it whole would fail with OutOfMemoryError, so passing proves it is measured first. */
  @Test
  void hugeTenantFileIsMeasuredNotRead() throws IOException {
    Path dir = tenant("acme", VALID);
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dir.resolve("tenant.yaml").toFile(), "rw")) {
      file.setLength(4L * 1024 * 1024 * 1024);
    }

    TenantProblem problem = single(problems(dir));

    assertTrue(problem.message().startsWith("the file is 4 GB (4,294,967,296 bytes); at most 256 KB"), problem::toString);
  }

  @Test
  void logoLargerThanTheLimitIsRefusedWithItsSize() throws IOException {
    Path dir = tenant("acme", VALID);
    Files.write(dir.resolve("logo.svg"), new byte[(int) TenantFiles.MAX_LOGO_BYTES + 1]);

    TenantProblem problem = single(problems(dir));

    assertProblem(problem, 7, "brand.logo");
    assertEquals("logo file 'logo.svg' is 512.0 KB (524,289 bytes); at most 512 KB (524,288 bytes) is accepted",
        problem.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../globex/logo.svg", "/etc/passwd"})
  void logoThatIsASymbolicLinkOutOfTheFolderIsRefusedAndNamedOnce(String target) throws IOException {
    Path globex = tenant("globex", VALID);
    Path dir = tenant("acme", VALID);
    Files.delete(dir.resolve("logo.svg"));
    Files.createSymbolicLink(dir.resolve("logo.svg"), Path.of(target));
    assertTrue(Files.isRegularFile(dir.resolve("logo.svg")), "the link leads to a real file");

    TenantProblem problem = single(problems(dir));

    assertProblem(problem, 7, "brand.logo");
    assertEquals("logo file 'logo.svg' is a symbolic link that leads out of the tenant folder; put the file itself in the"
        + " folder", problem.message());
    assertTrue(TenantConfigParser.parse(globex).ok(), "the folder the link points into is not affected");
  }

  @Test
  void symbolicLinksThatStayInsideTheFolderAreFollowed() throws IOException {
    // a Kubernetes ConfigMap mounted as the tenant folder: every file a link into a hidden folder
    Path dir = Files.createDirectories(tenants.resolve("acme"));
    Path data = Files.createDirectories(dir.resolve("..2026_12_07"));
    Files.writeString(data.resolve("tenant.yaml"), VALID);
    Files.writeString(data.resolve("logo.svg"), LOGO);
    Files.createSymbolicLink(dir.resolve("..data"), Path.of("..2026_12_07"));
    Files.createSymbolicLink(dir.resolve("tenant.yaml"), Path.of("..data/tenant.yaml"));
    Files.createSymbolicLink(dir.resolve("logo.svg"), Path.of("..data/logo.svg"));

    TenantConfig config = parseValid(dir);

    assertEquals(data.toRealPath().resolve("logo.svg"), config.brand().logo(), "the real file is remembered");
  }

  @Test
  void tenantFileThatIsASymbolicLinkOutOfTheFolderIsRefused() throws IOException {
    Path other = tenant("globex", VALID);
    Path dir = Files.createDirectories(tenants.resolve("acme"));
    Files.writeString(dir.resolve("logo.svg"), LOGO);
    Files.createSymbolicLink(dir.resolve("tenant.yaml"), other.resolve("tenant.yaml"));

    TenantProblem problem = problems(dir).get(0);

    assertProblem(problem, 1, "");
    assertTrue(problem.message().contains("symbolic link that leads out of the tenant folder"), problem::toString);
  }

  @Test
  void courseFilesAndFoldersThatAreSymbolicLinksOutOfTheFolderRefuseTheTenant() throws IOException {
    Path outside = Files.createDirectories(tenants.resolve("elsewhere"));
    Files.writeString(outside.resolve("secret.md"), "not the tenant's");
    Path dir = tenant("acme", VALID);
    Path course = Files.createDirectories(dir.resolve("courses/intro"));
    Files.createSymbolicLink(course.resolve("lesson.md"), outside.resolve("secret.md"));
    Files.createSymbolicLink(dir.resolve("courses/borrowed"), outside);
    Files.createSymbolicLink(course.resolve("dangling.md"), Path.of("nothing-here.md"));

    List<TenantProblem> problems = problems(dir);

    assertEquals(Set.of("acme/courses/borrowed", "acme/courses/intro/lesson.md", "acme/courses/intro/dangling.md"),
        problems.stream().map(TenantProblem::file).collect(Collectors.toSet()), problems::toString);
    assertTrue(problems.stream().filter(p -> !p.file().endsWith("dangling.md"))
        .allMatch(p -> p.message().contains("leads out of the tenant folder")), problems::toString);
  }

  @Test
  void scanRefusesEachHostileFolderByNameAndKeepsServingTheOthers() throws IOException {
    tenant("acme", VALID.replace("hosts: [Acme.Example.COM, learn.acme.example.com]", "hosts: [acme.example.com]"));
    tenant("globex", VALID.replace("hosts: [Acme.Example.COM, learn.acme.example.com]", "hosts: [globex.example.com]"));
    Path oversized = tenant("oversized", VALID.replace("hosts: [Acme.Example.COM, learn.acme.example.com]", "hosts: []"));
    Files.writeString(oversized.resolve("tenant.yaml"), "#".repeat((int) TenantFiles.MAX_CONFIG_BYTES) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    tenant("longname", VALID.replace("hosts: [Acme.Example.COM, learn.acme.example.com]", "hosts: []")
        .replace("name: Acme Corporation", "name: " + "L".repeat(256)));
    Path linked = tenant("linklogo", VALID.replace("hosts: [Acme.Example.COM, learn.acme.example.com]", "hosts: []"));
    Files.delete(linked.resolve("logo.svg"));
    Files.createSymbolicLink(linked.resolve("logo.svg"), Path.of("../acme/logo.svg"));

    TenantFolders.Scan scan = TenantFolders.scan(tenants);

    assertEquals(Set.of("acme", "globex"), scan.tenants().keySet());
    assertEquals(Set.of("oversized", "longname", "linklogo"), scan.failed().keySet());
    assertTrue(scan.failed().get("oversized").get(0).message().contains("at most 256 KB"), scan.failed()::toString);
    assertEquals("name", scan.failed().get("longname").get(0).field());
    assertEquals("brand.logo", scan.failed().get("linklogo").get(0).field());
  }

  // --- values that must fit their database column ---------------------------------------------------

  @Test
  void tenantNameLongerThanItsColumnIsRefusedWithLineAndLength() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("name: Acme Corporation",
        "name: " + "A".repeat(300)))));

    assertProblem(problem, 2, "name");
    assertEquals("'" + "A".repeat(40) + "…' is 300 characters long; at most 255 are allowed", problem.message());
  }

  @Test
  void valuesExactlyAsLongAsTheirColumnsAreAccepted() throws IOException {
    String name = "Ä".repeat(254) + "😀"; // 255 characters, 256 UTF-16 units: counted as the database counts
    String email = "a".repeat(254 - "@acme.example".length()) + "@acme.example";
    TenantConfig config = parseValid(tenant("acme", VALID.replace("name: Acme Corporation", "name: " + name)
        .replace("signer: Maria Okafor", "signer: " + "S".repeat(255)).replace("title: VP Sales Enablement", "title: "
        + "T".repeat(255)).replace("email: Admin@Acme.Example", "email: " + email)
        .replace("name: Lee Learner", "name: " + "L".repeat(200))));

    assertEquals(name, config.name());
    assertEquals(email, config.accounts().get(0).email());
    assertEquals(200, config.accounts().get(2).name().length());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "signer: Maria Okafor|signer: %s|12|certificate.signer|255",
      "title: VP Sales Enablement|title: %s|13|certificate.title|255",
      "name: Lee Learner|name: %s|23|accounts[3].name|200",
      "email: Admin@Acme.Example|email: %s@acme.example|15|accounts[1].email|254"})
  void storedValuesLongerThanTheirColumnAreRefused(String line, String longer, int at, String field, int max)
      throws IOException {
    String value = longer.formatted("x".repeat(max + 1));

    TenantProblem problem = single(problems(tenant("acme", VALID.replace(line, value))));

    assertProblem(problem, at, field);
    assertTrue(problem.message().endsWith("at most " + max + " are allowed"), problem::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"Acme\\0Corp\"", "\"Acme\\nCorp\"", "\"Acme\\tCorp\"", "\"Acme\\u202ECorp\"", "|\n  Acme\n  Corp"})
  void controlCharactersInStoredTextAreRefused(String value) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("name: Acme Corporation", "name: " + value))));

    assertProblem(problem, 2, "name");
    assertTrue(problem.message().startsWith("contains a line break, tab or other control character"), problem::toString);
  }

  @Test
  void demoCompletionThatIsNotACourseIdIsRefused() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("    role: learner\n",
        "    role: learner\n    completed: [\"x'; drop table account; --\"]\n"))));

    assertProblem(problem, 25, "accounts[3].completed");
  }

  // --- seats -------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "many", "2.5", "1000001"})
  void seatsThatAreNotAPositiveWholeNumberAreReported(String seats) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("seats: 250", "seats: " + seats))));

    assertProblem(problem, 9, "seats");
    assertTrue(problem.message().contains("'" + seats + "' is not a whole number from 1 to 1000000"), problem::toString);
  }

  // --- accounts ----------------------------------------------------------------------------------

  @Test
  void accountWithUnknownRoleIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("role: learner", "role: boss"))));

    assertProblem(problem, 24, "accounts[3].role");
    assertTrue(problem.message().contains("'boss' is not one of learner, manager, admin"), problem::toString);
  }

  @Test
  void operatorCannotBeGrantedByATenantFile() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("role: learner", "role: operator"))));

    assertProblem(problem, 24, "accounts[3].role");
  }

  @ParameterizedTest
  @ValueSource(strings = {"learner-at-acme", "learner@acme", "two@at@acme.example", "\"lee learner@acme.example\""})
  void accountWithInvalidEmailIsReported(String email) throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("- email: learner@acme.example", "- email: " + email))));

    assertProblem(problem, 22, "accounts[3].email");
    assertTrue(problem.message().contains("is not an e-mail address"), problem::toString);
  }

  @Test
  void emailListedTwiceIsReportedIgnoringCase() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("- email: learner@acme.example", "- email: admin@ACME.example"))));

    assertProblem(problem, 22, "accounts[3].email");
    assertTrue(problem.message().contains("'admin@acme.example' is listed twice"), problem::toString);
  }

  @Test
  void managerWhoIsNotInTheFileIsReportedOnTheManagerLine() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("manager: Manager@acme.example", "manager: boss@acme.example"))));

    assertProblem(problem, 25, "accounts[3].manager");
    assertTrue(problem.message().contains("'boss@acme.example' is not one of this file's accounts"), problem::toString);
  }

  @Test
  void accountThatManagesItselfIsReported() throws IOException {
    // provisioning would otherwise fail on Account.reportTo, after the file was accepted
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("manager: Manager@acme.example", "manager: Learner@acme.example"))));

    assertProblem(problem, 25, "accounts[3].manager");
    assertTrue(problem.message().contains("own manager"), problem::toString);
  }

  @Test
  void passwordShorterThanTwelveCharactersIsReported() throws IOException {
    TenantProblem problem = single(problems(tenant("acme", VALID.replace("password: demo-password", "password: eleven-char"))));

    assertProblem(problem, 18, "accounts[1].password");
    assertTrue(problem.message().contains("at least 12 characters"), problem::toString);
  }

  // --- the file and its folder -------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "acme_corp", "-acme", "acme-", "a2345678901234567890123456789012345678901"})
  void folderNameThatIsNotASlugIsRefused(String folder) throws IOException {
    TenantProblem problem = single(problems(tenant(folder, VALID)));

    assertProblem(problem, folder + "/tenant.yaml", 1, "");
    assertTrue(problem.message().contains("'" + folder + "' is not a valid tenant slug"), problem::toString);
  }

  @Test
  void folderWithoutTenantFileIsReported() throws IOException {
    Path dir = Files.createDirectories(tenants.resolve("acme"));
    Files.writeString(dir.resolve("logo.svg"), LOGO);

    TenantProblem problem = single(problems(dir));

    assertProblem(problem, 1, "");
    assertTrue(problem.message().contains("missing file tenant.yaml"), problem::toString);
  }

  @Test
  void fileThatIsNotUtf8IsReportedOnTheLineOfTheBadByte() throws IOException {
    Path dir = tenant("acme", VALID);
    // "Café" in ISO-8859-1: the é is the single byte 0xE9, which is not UTF-8
    Files.write(dir.resolve("tenant.yaml"),
        VALID.replace("signer: Maria Okafor", "signer: Caf\u00e9 Okafor").getBytes(StandardCharsets.ISO_8859_1));

    TenantProblem problem = single(problems(dir));

    assertProblem(problem, 12, "");
    assertTrue(problem.message().contains("not UTF-8"), problem::toString);
  }

  @Test
  void everyProblemInAFileIsReportedNotOnlyTheFirst() throws IOException {
    String yaml = VALID
        .replace("\"#B3261E\"", "\"red\"")
        .replace("locale: en-GB", "local: en-GB")
        .replace("seats: 250", "seats: 0")
        .replace("role: learner", "role: boss");

    List<TenantProblem> problems = problems(tenant("acme", yaml));

    assertEquals(
        Set.of("5 brand.primary", "8 local", "9 seats", "24 accounts[3].role"),
        problems.stream().map(p -> p.line() + " " + p.field()).collect(Collectors.toSet()),
        problems::toString);
    assertTrue(problems.stream().allMatch(p -> p.file().equals("acme/tenant.yaml")), problems::toString);
  }

  // --- digest ------------------------------------------------------------------------------------

  @Test
  void digestIsEqualForIdenticalInput() throws IOException {
    Path first = tenant("acme", VALID);
    Path copy = Files.createDirectories(tenants.resolve("copy/acme"));
    Files.writeString(copy.resolve("tenant.yaml"), VALID);
    Files.writeString(copy.resolve("logo.svg"), LOGO);

    String digest = parseValid(first).digest();

    assertEquals(digest, parseValid(first).digest());
    assertEquals(digest, parseValid(copy).digest());
  }

  @Test
  void digestChangesWhenOnlyTheLogoChanges() throws IOException {
    Path dir = tenant("acme", VALID);
    String before = parseValid(dir).digest();

    Files.writeString(dir.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>");

    assertNotEquals(before, parseValid(dir).digest());
  }

  @Test
  void digestChangesWhenTheFileChanges() throws IOException {
    Path dir = tenant("acme", VALID);
    String before = parseValid(dir).digest();

    Files.writeString(dir.resolve("tenant.yaml"), VALID.replace("seats: 250", "seats: 251"));

    assertNotEquals(before, parseValid(dir).digest());
  }

  // --- helpers -----------------------------------------------------------------------------------

  private Path tenant(String slug, String yaml) throws IOException {
    Path dir = Files.createDirectories(tenants.resolve(slug));
    Files.writeString(dir.resolve("tenant.yaml"), yaml);
    Files.writeString(dir.resolve("logo.svg"), LOGO);
    return dir;
  }

  private static TenantConfig parseValid(Path dir) {
    TenantConfigParser.Result result = TenantConfigParser.parse(dir);
    assertEquals(List.of(), result.problems());
    assertTrue(result.ok());
    return result.config();
  }

  private static List<TenantProblem> problems(Path dir) {
    TenantConfigParser.Result result = TenantConfigParser.parse(dir);
    assertFalse(result.ok(), "expected problems, got a config");
    assertNull(result.config());
    assertFalse(result.problems().isEmpty());
    return result.problems();
  }

  private static TenantProblem single(List<TenantProblem> problems) {
    assertEquals(1, problems.size(), problems::toString);
    return problems.get(0);
  }

  private static TenantProblem withField(List<TenantProblem> problems, String field) {
    return problems.stream().filter(p -> p.field().equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem for field " + field + " in " + problems));
  }

  /** A problem in {@code acme/tenant.yaml}, the folder most tests write. */
  private static void assertProblem(TenantProblem problem, int line, String field) {
    assertProblem(problem, "acme/tenant.yaml", line, field);
  }

  private static void assertProblem(TenantProblem problem, String file, int line, String field) {
    assertAll(problem.toString(),
        () -> assertEquals(file, problem.file(), "file"),
        () -> assertEquals(line, problem.line(), "line"),
        () -> assertEquals(field, problem.field(), "field"),
        () -> assertFalse(problem.message().isBlank(), "message"));
  }
}
