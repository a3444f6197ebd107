#!/usr/bin/env python3
"""Hot methods of `jfr print --events jdk.ExecutionSample` output (read from stdin).

Prints the top frames by self samples, then inclusive shares of named areas (a sample counts once per area when any
frame of its stack matches), so "how much of a request is state saving, JPA, rendering" reads off one table.

usage: jfr print --events jdk.ExecutionSample --stack-depth 200 rec.jfr | jfr_hot.py [--boot] [TOP]
  --boot: the areas of a start-up (bench/boot.sh) instead of those of a request
"""
import collections
import re
import sys

# area -> regular expression on "class.method" of any frame; the first frames of a stack are the innermost
AREAS = [
    ("HTTP request handling (all requests)", r"org\.apache\.catalina\.core\.StandardWrapperValve\.invoke"),
    ("Faces servlet (FacesServlet.service)", r"jakarta\.faces\.webapp\.FacesServlet\.service"),
    ("  restore view phase", r"com\.sun\.faces\.lifecycle\.RestoreViewPhase\.execute"),
    ("  view action: Player.open", r"com\.trustportal\.learning\.web\.Player\.open"),
    ("  build view (Facelets apply)", r"com\.sun\.faces\.application\.view\.FaceletViewHandlingStrategy\.buildView"),
    ("  render response (encode)", r"com\.sun\.faces\.application\.view\.FaceletViewHandlingStrategy\.renderView"),
    ("  state saving (saveView / writeState)", r"(StateManagementStrategy|FaceletPartialStateManagementStrategy|StateManagerImpl|ResponseStateManager)[A-Za-z]*\.(saveView|writeState|getViewState)"),
    ("  view-scoped bean maps", r"com\.sun\.faces\.application\.view\.ViewScope"),
    ("  EL evaluation", r"(org\.glassfish\.expressly|com\.sun\.el|org\.glassfish\.wasp|jakarta\.el)\."),
    ("JPA / JDBC (EclipseLink, H2, PostgreSQL driver)", r"(org\.eclipse\.persistence|org\.h2\.|org\.postgresql\.)"),
    ("  JTA transactions", r"com\.sun\.enterprise\.transaction"),
    ("EJB container (boundary calls)", r"com\.sun\.ejb\.containers\.BaseContainer"),
    ("portal filters (TenantFilter and platform filters)", r"com\.trustportal\.(tenant\.web\.TenantFilter|platform\.web\.(DrainFilter|DatabaseOutageFilter))\.doFilter"),
    ("  signed-in check (LiveSession)", r"com\.trustportal\.identity\.web\.LiveSession"),
    ("security (Soteria / Jakarta Security)", r"(org\.glassfish\.soteria|com\.sun\.enterprise\.security)"),
    ("HTTP session access", r"org\.apache\.catalina\.session"),
    ("CDI proxies and contexts (Weld)", r"org\.jboss\.weld"),
    ("PrimeFaces renderers", r"org\.primefaces\.(component|renderkit)"),
]

# the same for a start-up: where a node's boot goes, from the JVM's start to /health/ready
BOOT_AREAS = [
    ("Payara Micro runtime start (before deployment)", r"fish\.payara\.micro\.impl\.PayaraMicroImpl\.bootStrap"),
    ("deployment, whole (ApplicationLifecycle.deploy)", r"com\.sun\.enterprise\.v3\.server\.ApplicationLifecycle\.deploy"),
    ("  class model / annotation scanning of the WAR's classes and jars", r"(org\.glassfish\.hk2\.classmodel|org\.glassfish\.apf|com\.sun\.enterprise\.deployment\.annotation|org\.objectweb\.asm|org\.glassfish\.deployment\.common\.GenericAnnotationDetector)"),
    ("  CDI (Weld bootstrap: discovery, validation)", r"org\.jboss\.weld\.bootstrap"),
    ("  JPA (EclipseLink deploy, weaving, metadata)", r"org\.eclipse\.persistence"),
    ("  EJB containers", r"com\.sun\.ejb\.containers"),
    ("  Faces (Mojarra configuration, PrimeFaces)", r"(com\.sun\.faces\.config|org\.primefaces)"),
    ("  web module start (servlet container)", r"org\.apache\.catalina\.core\.StandardContext\.start"),
    ("portal start-up work (platform.Startup)", r"com\.trustportal\.platform\.Startup"),
    ("  Flyway migrations", r"org\.flywaydb"),
    ("  course catalogue (load, Markdown, lint)", r"com\.trustportal\.catalog"),
    ("  tenants (read, apply)", r"com\.trustportal\.tenant"),
    ("  password hashing (PBKDF2 of demo accounts)", r"(PBKDF2|javax\.crypto\.Mac|com\.sun\.crypto\.provider\.HmacCore)"),
    ("H2 database", r"org\.h2\."),
    ("Hazelcast", r"com\.hazelcast"),
    ("class loading and definition", r"java\.lang\.ClassLoader\.(loadClass|defineClass)"),
    ("zip / jar reading", r"java\.util\.(zip|jar)\."),
    ("XML parsing", r"(com\.sun\.org\.apache\.xerces|javax\.xml\.parsers)"),
    ("HK2 service locator", r"org\.jvnet\.hk2|org\.glassfish\.hk2\.utilities"),
]


def main() -> None:
    args = sys.argv[1:]
    areas = AREAS
    if args and args[0] == "--boot":
        areas, args = BOOT_AREAS, args[1:]
    top = int(args[0]) if args else 25
    stacks, current, inside = [], [], False
    frame = re.compile(r"^\s+([\w$.<>/]+)\(")
    for line in sys.stdin:
        if "stackTrace = [" in line:
            inside, current = True, []
        elif inside and line.strip() == "]":
            inside = False
            stacks.append(current)
        elif inside:
            m = frame.match(line)
            if m:
                current.append(m.group(1))
    total = len(stacks)
    if total == 0:
        print("no execution samples")
        return
    self_counts = collections.Counter(s[0] for s in stacks if s)
    print(f"{total} execution samples")
    print(f"\ntop {top} methods by self samples (where the CPU was):")
    for method, n in self_counts.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {method}")
    print("\ninclusive share of areas (a sample counts when any of its frames matches):")
    for name, pattern in areas:
        rx = re.compile(pattern)
        n = sum(1 for s in stacks if any(rx.search(f) for f in s))
        print(f"  {100 * n / total:5.1f}%  {name}")
    own = collections.Counter()
    for s in stacks:
        for f in set(s):
            if f.startswith("com.trustportal."):
                own[f] += 1
    print(f"\nportal methods, inclusive (top {top}):")
    for method, n in own.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
