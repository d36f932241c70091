package dev.larder.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build unless a TCK run's surefire reports show at least the expected number of tests,
 * none failed, errored or skipped, and no test excluded but the TCK's {@code dummyTest}. Guards
 * against the TCK's false greens (excluded tests report as passed; default includes skip a class).
 */
public final class TckReportCheck {

  private static final Pattern SUITE =
      Pattern.compile(
          "<testsuite[^>]*?\\stests=\"(\\d+)\"[^>]*?\\serrors=\"(\\d+)\"[^>]*?\\sskipped=\"(\\d+)\"[^>]*?\\sfailures=\"(\\d+)\"");
  private static final Pattern EXCLUDING = Pattern.compile("EXCLUDING TEST[^\\n]*");
  private static final String BEAN_PROVIDER_FAILED = "Failed to load BeanProvider";

  private static final String OPTIONAL_BY_REFERENCE = "store-by-reference-unsupported";

  private TckReportCheck() {}

  private static boolean isByReferenceTest(String line) {
    return line.contains("org.jsr107.tck.StoreByReferenceTest")
        || line.contains("'simpleAPINoGenericsAndNoTypeEnforcementStoreByReference'");
  }

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    int minimum = Integer.parseInt(args[1]);
    String expectedScheme = args.length > 2 ? args[2] : null;
    // store-by-reference is an optional JCache feature: a remote backend cannot hand back the very
    // object that was put, so the TCK itself excludes those tests when isSupported says no
    boolean byReferenceOptional = args.length > 3 && OPTIONAL_BY_REFERENCE.equals(args[3]);
    int optionalExcluded = 0;
    int tests = 0;
    int errors = 0;
    int skipped = 0;
    int failures = 0;
    List<String> excluded = new ArrayList<>();
    List<String> beanProviderFailures = new ArrayList<>();
    if (!Files.isDirectory(reports)) {
      throw new IllegalStateException("no TCK reports in " + reports + ": did the TCK run?");
    }
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        // the annotation TCK passes silently when its BeanProvider fails to load
        if (text.contains(BEAN_PROVIDER_FAILED)) {
          beanProviderFailures.add(name);
        }
        if (name.startsWith("TEST-") && name.endsWith(".xml")) {
          Matcher m = SUITE.matcher(text);
          if (m.find()) {
            tests += Integer.parseInt(m.group(1));
            errors += Integer.parseInt(m.group(2));
            skipped += Integer.parseInt(m.group(3));
            failures += Integer.parseInt(m.group(4));
          }
        } else if (name.endsWith("-output.txt") || name.endsWith(".txt")) {
          Matcher m = EXCLUDING.matcher(text);
          while (m.find()) {
            String line = m.group();
            if (line.contains("dummyTest")) {
              continue;
            }
            if (byReferenceOptional && isByReferenceTest(line)) {
              optionalExcluded++;
            } else {
              excluded.add(line);
            }
          }
        }
      }
    }
    String summary =
        String.format(
            "TCK %s: %d tests, %d failures, %d errors, %d skipped",
            reports.getFileName(), tests, failures, errors, skipped);
    if (optionalExcluded > 0) {
      summary +=
          " (of them "
              + optionalExcluded
              + " store-by-reference tests excluded by the TCK: optional feature not supported)";
    }
    System.out.println(summary);
    List<String> problems = new ArrayList<>();
    if (!beanProviderFailures.isEmpty()) {
      problems.add("'" + BEAN_PROVIDER_FAILED + "' in " + beanProviderFailures);
    }
    if (expectedScheme != null) {
      Path marker = reports.resolve("backend.txt");
      String used = Files.exists(marker) ? Files.readString(marker).trim() : "nothing recorded";
      if (!expectedScheme.equals(used)) {
        problems.add(
            "the run was meant for backend '"
                + expectedScheme
                + "' but used "
                + used
                + " (did the backend session listener run?)");
      }
    }
    if (tests < minimum) {
      problems.add("only " + tests + " tests ran, expected at least " + minimum);
    }
    if (failures + errors + skipped > 0) {
      problems.add("not every test passed");
    }
    if (!excluded.isEmpty()) {
      problems.add("tests were excluded beyond dummyTest: " + excluded);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(summary + ": " + String.join("; ", problems));
    }
  }
}
