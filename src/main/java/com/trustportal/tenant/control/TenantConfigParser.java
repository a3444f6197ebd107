package com.trustportal.tenant.control;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code tenants/<slug>/tenant.yaml} into a {@link TenantConfig}, or reports every problem with
 * file, line and field. Parsing is strict (unknown keys are errors) because a typo in a tenant file
 * must not silently drop a setting such as the seat limit.
 */
public final class TenantConfigParser {

  public static final String FILE_NAME = "tenant.yaml";
  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
  static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  static final Pattern HOST =
      Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Set<String> ROLES = Set.of("learner", "manager", "admin");
  // Column widths of what provisioning writes, so a value is refused here with its line instead of
  // failing in the database: tenant.display_name, signer_name and signer_title are VARCHAR(255),
  // account.email VARCHAR(254); an account's name goes to account.display_name (255) and onto its
  // certificates (certificate.learner_name, 200).
  static final int MAX_TENANT_TEXT = 255;
  static final int MAX_EMAIL = 254;
  static final int MAX_ACCOUNT_NAME = 200;

  /** Either a config or the problems that stopped it. */
  public record Result(TenantConfig config, List<TenantProblem> problems) {
    public boolean ok() {
      return config != null;
    }
  }

  private final String slug;
  private final Path dir;
  private final String fileLabel;
  private final List<TenantProblem> problems = new ArrayList<>();
  /** The logo's bytes, read once (within its limit) for the digest. */
  private byte[] logoBytes;
  /** Links already reported through the setting that names them (brand.logo). */
  private final Set<Path> reportedLinks = new java.util.HashSet<>();

  private TenantConfigParser(Path dir) {
    this.dir = dir;
    this.slug = dir.getFileName().toString();
    this.fileLabel = slug + "/" + FILE_NAME;
  }

  public static Result parse(Path tenantDir) {
    return new TenantConfigParser(tenantDir).run();
  }

  private Result run() {
    if (!SLUG.matcher(slug).matches()) {
      problem(1, "", "folder name '" + slug + "' is not a valid tenant slug (a-z, 0-9, '-', at most 40)");
      return failed();
    }
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      problem(1, "", "missing file " + FILE_NAME);
      return failed();
    }
    byte[] bytes;
    try {
      bytes = TenantFiles.read(dir, file, TenantFiles.MAX_CONFIG_BYTES);
    } catch (TenantFiles.Refused e) {
      problem(1, "", "the file " + e.getMessage());
      return failed();
    } catch (IOException e) {
      problem(1, "", "cannot read file: " + e.getMessage());
      return failed();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problem(lineOfFirstBadByte(bytes), "", "file is not UTF-8 (save it as UTF-8)");
      return failed();
    }
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(fileLabel).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      syntaxError(text, e);
      return failed();
    } catch (YamlEngineException e) {
      problem(1, "", "YAML syntax error: " + e.getMessage());
      return failed();
    }
    if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
      problem(1, "", "expected a mapping of settings (name: ..., brand: ...)");
      return failed();
    }
    TenantConfig config = read(top, bytes);
    refuseLinksLeaving();
    return problems.isEmpty() ? new Result(config, List.of()) : failed();
  }

  /**
   * Any symbolic link in the folder that leads out of it (course files included) refuses the tenant:
   * everything read from a tenant folder must be the tenant's own.
   */
  private void refuseLinksLeaving() {
    try {
      for (TenantFiles.Link link : TenantFiles.linksLeaving(dir)) {
        if (!reportedLinks.contains(dir.resolve(link.path()).normalize())) {
          problems.add(new TenantProblem(slug + "/" + link.path(), 1, "", "'" + link.path() + "' " + link.problem()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      problem(1, "", "cannot read the tenant folder: " + e.getMessage());
    }
  }

  private TenantConfig read(MappingNode top, byte[] bytes) {
    Map<String, NodeTuple> keys =
        keys(top, "", Set.of("name", "hosts", "brand", "locale", "seats", "courses", "certificate", "accounts",
            "assessment", "security"));
    String name = limitedText(keys, top, "name", "", MAX_TENANT_TEXT);
    List<String> hosts = new ArrayList<>();
    for (ScalarNode host : stringList(keys, "hosts")) {
      String value = host.getValue().trim().toLowerCase(Locale.ROOT);
      if (!HOST.matcher(value).matches()) {
        problem(line(host), "hosts", "'" + host.getValue() + "' is not a host name");
      } else if (hosts.contains(value)) {
        problem(line(host), "hosts", "host name '" + value + "' is listed twice");
      } else {
        hosts.add(value);
      }
    }
    TenantConfig.Brand brand = brand(keys, top);
    Locale locale = locale(keys);
    int seats = seats(keys, top);
    List<String> courses = new ArrayList<>();
    for (ScalarNode course : stringList(keys, "courses")) {
      if (!SLUG.matcher(course.getValue()).matches()) {
        problem(line(course), "courses", "'" + course.getValue() + "' is not a course id");
      } else {
        courses.add(course.getValue());
      }
    }
    TenantConfig.Signer signer = signer(keys, top);
    List<TenantConfig.InitialAccount> accounts = accounts(keys);
    TenantConfig.AssessmentOverrides assessment = assessment(keys);
    TenantConfig.Security security = security(keys);
    if (!problems.isEmpty()) {
      return null;
    }
    return new TenantConfig(slug, name, hosts, brand, locale, seats, courses, signer, accounts,
        digest(bytes, logoBytes), assessment, security);
  }

  private TenantConfig.Brand brand(Map<String, NodeTuple> keys, MappingNode top) {
    NodeTuple tuple = keys.get("brand");
    if (tuple == null) {
      problem(line(top), "brand", "missing required setting");
      return null;
    }
    if (!(tuple.getValueNode() instanceof MappingNode brand)) {
      problem(line(tuple.getValueNode()), "brand", "expected primary, accent and logo");
      return null;
    }
    Map<String, NodeTuple> b = keys(brand, "brand.", Set.of("primary", "accent", "logo"));
    String primary = colour(b, brand, "primary", true);
    String accent = colour(b, brand, "accent", false);
    String logo = requiredText(b, brand, "logo", "brand.");
    Path logoPath = null;
    if (logo != null) {
      int at = line(b.get("logo").getValueNode());
      logoPath = dir.resolve(logo).normalize();
      if (!logoPath.startsWith(dir.normalize())) {
        problem(at, "brand.logo", "'" + logo + "' is outside the tenant folder");
        logoPath = null;
      } else if (!logo.matches("(?i).+\\.(svg|png|jpe?g|webp)")) {
        problem(at, "brand.logo", "'" + logo + "' must be an .svg, .png, .jpg or .webp image");
        logoPath = null;
      } else {
        logoPath = logo(logoPath, logo, at);
      }
    }
    return new TenantConfig.Brand(primary, accent == null ? primary : accent, logoPath);
  }

  /** The logo's real path, its bytes kept for the digest; null with a problem when it is not usable. */
  private Path logo(Path path, String logo, int at) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      problem(at, "brand.logo", "logo file '" + logo + "' does not exist in " + slug + "/");
      return null;
    }
    try {
      Path real = TenantFiles.inside(dir, path);
      logoBytes = TenantFiles.read(dir, path, TenantFiles.MAX_LOGO_BYTES);
      return real;
    } catch (TenantFiles.Refused e) {
      if (Files.isSymbolicLink(path)) {
        reportedLinks.add(path);
      }
      problem(at, "brand.logo", "logo file '" + logo + "' " + e.getMessage());
    } catch (IOException e) {
      problem(at, "brand.logo", "cannot read logo: " + e.getMessage());
    }
    return null;
  }

  private String colour(Map<String, NodeTuple> keys, MappingNode parent, String key, boolean required) {
    String value = required ? requiredText(keys, parent, key, "brand.") : optionalText(keys, key, "brand.");
    if (value != null && !COLOUR.matcher(value).matches()) {
      problem(line(keys.get(key).getValueNode()), "brand." + key,
          "'" + value + "' is not a colour; write it as #rrggbb, e.g. #1f6feb");
      return null;
    }
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private Locale locale(Map<String, NodeTuple> keys) {
    String tag = optionalText(keys, "locale", "");
    if (tag == null) {
      return Locale.ENGLISH;
    }
    try {
      return new Locale.Builder().setLanguageTag(tag).build();
    } catch (IllformedLocaleException e) {
      problem(line(keys.get("locale").getValueNode()), "locale", "'" + tag + "' is not a language tag such as en or de-CH");
      return Locale.ENGLISH;
    }
  }

  private int seats(Map<String, NodeTuple> keys, MappingNode top) {
    String value = requiredText(keys, top, "seats", "");
    if (value == null) {
      return 0;
    }
    try {
      int seats = Integer.parseInt(value);
      if (seats < 1 || seats > 1_000_000) {
        throw new NumberFormatException();
      }
      return seats;
    } catch (NumberFormatException e) {
      problem(line(keys.get("seats").getValueNode()), "seats", "'" + value + "' is not a whole number from 1 to 1000000");
      return 0;
    }
  }

  private TenantConfig.Signer signer(Map<String, NodeTuple> keys, MappingNode top) {
    NodeTuple tuple = keys.get("certificate");
    if (tuple == null) {
      problem(line(top), "certificate", "missing required setting (signer and title)");
      return null;
    }
    if (!(tuple.getValueNode() instanceof MappingNode cert)) {
      problem(line(tuple.getValueNode()), "certificate", "expected signer and title");
      return null;
    }
    Map<String, NodeTuple> c =
        keys(cert, "certificate.", Set.of("signer", "title", "valid_for_months", "recertify_days_before"));
    return new TenantConfig.Signer(
        limitedText(c, cert, "signer", "certificate.", MAX_TENANT_TEXT),
        limitedText(c, cert, "title", "certificate.", MAX_TENANT_TEXT),
        optionalInt(c, "valid_for_months", "certificate.", 0, 0, 600),
        optionalInt(c, "recertify_days_before", "certificate.", TenantConfig.Signer.DEFAULT_RECERTIFY_DAYS, 0, 365));
  }

  /** The optional {@code assessment} block: this tenant's retake, review and time rules for every course. */
  private TenantConfig.AssessmentOverrides assessment(Map<String, NodeTuple> keys) {
    NodeTuple tuple = keys.get("assessment");
    if (tuple == null) {
      return TenantConfig.AssessmentOverrides.NONE;
    }
    if (!(tuple.getValueNode() instanceof MappingNode block)) {
      problem(line(tuple.getValueNode()), "assessment",
          "expected cooling-off-after, cooling-off-hours, show-correct-answers or minimum-active-minutes");
      return TenantConfig.AssessmentOverrides.NONE;
    }
    String prefix = "assessment.";
    Map<String, NodeTuple> a = keys(block, prefix,
        Set.of("cooling-off-after", "cooling-off-hours", "show-correct-answers", "minimum-active-minutes"));
    Boolean show = null;
    String flag = optionalText(a, "show-correct-answers", prefix);
    if (flag != null) {
      if (flag.equals("true") || flag.equals("false")) {
        show = Boolean.valueOf(flag);
      } else {
        problem(line(a.get("show-correct-answers").getValueNode()), prefix + "show-correct-answers",
            "'" + flag + "' is not true or false");
      }
    }
    return new TenantConfig.AssessmentOverrides(
        a.containsKey("cooling-off-after") ? optionalInt(a, "cooling-off-after", prefix, 0, 0, 100) : null,
        a.containsKey("cooling-off-hours") ? optionalInt(a, "cooling-off-hours", prefix, 0, 0, 24 * 365) : null,
        show,
        a.containsKey("minimum-active-minutes") ? optionalInt(a, "minimum-active-minutes", prefix, 0, 0, 10_000) : null);
  }

  /** The optional {@code security} block: {@code two_factor} lists the roles that must sign in with a second factor. */
  private TenantConfig.Security security(Map<String, NodeTuple> keys) {
    NodeTuple tuple = keys.get("security");
    if (tuple == null) {
      return TenantConfig.Security.NONE;
    }
    if (!(tuple.getValueNode() instanceof MappingNode block)) {
      problem(line(tuple.getValueNode()), "security", "expected two_factor, e.g. security: { two_factor: [admin, manager] }");
      return TenantConfig.Security.NONE;
    }
    Map<String, NodeTuple> s = keys(block, "security.", Set.of("two_factor"));
    Set<String> roles = new java.util.LinkedHashSet<>();
    for (ScalarNode role : stringList(s, "two_factor", "security.two_factor")) {
      String value = role.getValue().trim().toLowerCase(Locale.ROOT);
      if (!ROLES.contains(value)) {
        problem(line(role), "security.two_factor", "'" + shorten(role.getValue()) + "' is not one of learner, manager, admin");
      } else if (!roles.add(value)) {
        problem(line(role), "security.two_factor", "role '" + value + "' is listed twice");
      }
    }
    return new TenantConfig.Security(roles);
  }

  private int optionalInt(Map<String, NodeTuple> keys, String key, String prefix, int absent, int min, int max) {
    String value = optionalText(keys, key, prefix);
    if (value == null) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      problem(line(keys.get(key).getValueNode()), prefix + key,
          "'" + value + "' is not a whole number from " + min + " to " + max);
      return absent;
    }
  }

  private List<TenantConfig.InitialAccount> accounts(Map<String, NodeTuple> keys) {
    List<TenantConfig.InitialAccount> accounts = new ArrayList<>();
    NodeTuple tuple = keys.get("accounts");
    if (tuple == null) {
      return accounts;
    }
    if (!(tuple.getValueNode() instanceof SequenceNode list)) {
      problem(line(tuple.getValueNode()), "accounts", "expected a list of accounts");
      return accounts;
    }
    Set<String> emails = new java.util.HashSet<>();
    List<String> fields = new ArrayList<>();
    List<Integer> managerLines = new ArrayList<>();
    for (int i = 0; i < list.getValue().size(); i++) {
      Node item = list.getValue().get(i);
      String field = "accounts[" + (i + 1) + "].";
      if (!(item instanceof MappingNode account)) {
        problem(line(item), "accounts[" + (i + 1) + "]", "expected email, name and role");
        continue;
      }
      Map<String, NodeTuple> a = keys(account, field, Set.of("email", "name", "role", "password", "manager", "completed"));
      String email = limitedText(a, account, "email", field, MAX_EMAIL);
      String name = limitedText(a, account, "name", field, MAX_ACCOUNT_NAME);
      String role = requiredText(a, account, "role", field);
      String password = optionalText(a, "password", field);
      String manager = optionalText(a, "manager", field);
      if (manager != null && !checkText(a.get("manager"), field + "manager", manager, MAX_EMAIL)) {
        manager = null;
      }
      if (email != null) {
        email = email.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
          problem(line(a.get("email").getValueNode()), field + "email", "'" + email + "' is not an e-mail address");
        } else if (!emails.add(email)) {
          problem(line(a.get("email").getValueNode()), field + "email", "'" + email + "' is listed twice");
        }
      }
      if (role != null && !ROLES.contains(role)) {
        problem(line(a.get("role").getValueNode()), field + "role", "'" + role + "' is not one of learner, manager, admin");
      }
      if (password != null && password.length() < 12) {
        problem(line(a.get("password").getValueNode()), field + "password", "must have at least 12 characters");
      }
      List<String> completed = new ArrayList<>();
      NodeTuple done = a.get("completed");
      if (done != null) {
        if (done.getValueNode() instanceof SequenceNode seq) {
          for (Node course : seq.getValue()) {
            if (course instanceof ScalarNode scalar && SLUG.matcher(scalar.getValue().trim()).matches()) {
              completed.add(scalar.getValue().trim());
            } else if (course instanceof ScalarNode scalar) {
              problem(line(course), field + "completed", "'" + shorten(scalar.getValue()) + "' is not a course id");
            } else {
              problem(line(course), field + "completed", "expected a course id");
            }
          }
        } else {
          problem(line(done.getValueNode()), field + "completed", "expected a list of course ids, e.g. [collaborative-selling]");
        }
      }
      accounts.add(new TenantConfig.InitialAccount(email, name, role, password,
          manager == null ? null : manager.toLowerCase(Locale.ROOT), line(account), completed));
      fields.add(field + "manager");
      managerLines.add(manager == null ? line(account) : line(a.get("manager").getValueNode()));
    }
    for (int i = 0; i < accounts.size(); i++) {
      TenantConfig.InitialAccount account = accounts.get(i);
      if (account.manager() == null) {
        continue;
      }
      if (account.manager().equals(account.email())) {
        // provisioning would fail on Account.reportTo after the file had been accepted
        problem(managerLines.get(i), fields.get(i), "an account cannot be its own manager");
      } else if (!emails.contains(account.manager())) {
        problem(managerLines.get(i), fields.get(i), "'" + account.manager() + "' is not one of this file's accounts");
      }
    }
    return accounts;
  }

  private Map<String, NodeTuple> keys(MappingNode node, String prefix, Set<String> allowed) {
    Map<String, NodeTuple> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(line(tuple.getKeyNode()), prefix, "keys must be plain words");
        continue;
      }
      String name = key.getValue();
      if (!allowed.contains(name)) {
        problem(line(key), prefix + name,
            "unknown key '" + name + "' (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      } else if (keys.containsKey(name)) {
        problem(line(key), prefix + name, "key '" + name + "' appears twice");
      } else {
        keys.put(name, tuple);
      }
    }
    return keys;
  }

  private String requiredText(Map<String, NodeTuple> keys, Node parent, String key, String prefix) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      problem(line(parent), prefix + key, "missing required setting");
      return null;
    }
    String value = text(tuple, prefix + key);
    if (value != null && value.isBlank()) {
      problem(line(tuple.getValueNode()), prefix + key, "must not be empty");
      return null;
    }
    return value;
  }

  /**
   * A required text that is stored: at most {@code max} characters (its column's width), and no line
   * breaks, tabs or other control characters (YAML's escapes can write them, a database or an e-mail
   * header should never see them).
   */
  private String limitedText(Map<String, NodeTuple> keys, Node parent, String key, String prefix, int max) {
    String value = requiredText(keys, parent, key, prefix);
    return value != null && checkText(keys.get(key), prefix + key, value, max) ? value : null;
  }

  private boolean checkText(NodeTuple tuple, String field, String value, int max) {
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      problem(line(tuple.getValueNode()), field, "'" + shorten(value) + "' is " + length + " characters long; at most "
          + max + " are allowed");
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        problem(line(tuple.getValueNode()), field, "contains a line break, tab or other control character (at character "
            + (value.codePointCount(0, i) + 1) + ")");
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        problem(line(tuple.getValueNode()), field, "contains an escape that is not a character (a lone \\u"
            + HexFormat.of().toHexDigits(c).toUpperCase(Locale.ROOT) + ")");
        return false;
      }
    }
    return true;
  }

  /** The start of a long value, for a message that must stay readable. */
  private static String shorten(String value) {
    return value.codePointCount(0, value.length()) <= 40 ? value
        : value.substring(0, value.offsetByCodePoints(0, 40)) + "…";
  }

  private String optionalText(Map<String, NodeTuple> keys, String key, String prefix) {
    NodeTuple tuple = keys.get(key);
    return tuple == null ? null : text(tuple, prefix + key);
  }

  private String text(NodeTuple tuple, String field) {
    if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
      problem(line(tuple.getValueNode()), field, "expected a single value");
      return null;
    }
    return scalar.getValue().trim();
  }

  private List<ScalarNode> stringList(Map<String, NodeTuple> keys, String key) {
    return stringList(keys, key, key);
  }

  private List<ScalarNode> stringList(Map<String, NodeTuple> keys, String key, String field) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      return List.of();
    }
    if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
      problem(line(tuple.getValueNode()), field, "expected a list, e.g. [a, b]");
      return List.of();
    }
    List<ScalarNode> items = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode scalar) {
        items.add(scalar);
      } else {
        problem(line(item), field, "expected a single value in the list");
      }
    }
    return items;
  }

  /**
   * Reports a syntax error where the author has to look. An unclosed quote or bracket is only
   * noticed later: at the end of the file, or lines further on where the next quote closes it (and
   * colours are always quoted). Those errors point back to where the quote or bracket opened.
   */
  private void syntaxError(String text, MarkedYamlEngineException e) {
    int noticed = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
    String context = e.getContext() == null ? "" : e.getContext();
    Optional<Mark> opened = e.getContextMark();
    if (opened.isPresent() && context.startsWith("while scanning a quoted scalar")) {
      problem(opened.get().getLine() + 1, "", "YAML syntax error: the quote opened on this line is never closed");
      return;
    }
    if (opened.isPresent() && context.startsWith("while parsing a flow")) {
      problem(opened.get().getLine() + 1, "", "YAML syntax error: " + e.getProblem() + " on line " + noticed
          + "; check the bracket opened on this line");
      return;
    }
    Event last = null;
    try {
      for (Event event : new Parse(LoadSettings.builder().build()).parseString(text)) {
        last = event;
      }
    } catch (YamlEngineException expected) {
      // the same error again: last is the event just before it
    }
    if (last instanceof ScalarEvent scalar && (scalar.isDQuoted() || scalar.isSQuoted())) {
      int start = scalar.getStartMark().map(m -> m.getLine() + 1).orElse(noticed);
      int end = scalar.getEndMark().map(m -> m.getLine() + 1).orElse(start);
      if (end > start) {
        problem(start, "", "YAML syntax error: the quoted value that starts on this line runs on to line " + end
            + "; is its closing quote missing? (" + e.getProblem() + " on line " + noticed + ")");
        return;
      }
    }
    problem(noticed, "", "YAML syntax error: " + e.getProblem());
  }

  /** 1-based line of the first byte that is not UTF-8, so a pasted character can be found. */
  private static int lineOfFirstBadByte(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, CharBuffer.allocate(bytes.length), true); // stops on the bad byte
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The line on which a file that has parsed cleanly lists {@code host}, for problems found across
   * tenants; 1 if it cannot be found.
   */
  static int hostLine(Path tenantDir, String host) {
    try {
      Optional<Node> root = new Compose(LoadSettings.builder().build()).composeString(new String(
          TenantFiles.read(tenantDir, tenantDir.resolve(FILE_NAME), TenantFiles.MAX_CONFIG_BYTES), StandardCharsets.UTF_8));
      if (root.isPresent() && root.get() instanceof MappingNode top) {
        for (NodeTuple tuple : top.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("hosts")
              && tuple.getValueNode() instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
              if (item instanceof ScalarNode value && value.getValue().trim().toLowerCase(Locale.ROOT).equals(host)) {
                return line(value);
              }
            }
          }
        }
      }
    } catch (IOException | TenantFiles.Refused | YamlEngineException e) {
      // the line is a hint only
    }
    return 1;
  }

  private static int line(Node node) {
    return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(1);
  }

  private void problem(int line, String field, String message) {
    problems.add(new TenantProblem(fileLabel, line, field, message));
  }

  private Result failed() {
    return new Result(null, List.copyOf(problems));
  }

  /** Digest of the file and the logo: provisioning updates a tenant only when this changes. */
  private static String digest(byte[] config, byte[] logo) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(config);
      if (logo != null) {
        sha.update(logo);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
