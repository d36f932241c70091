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

  private TckReportCheck() {}

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    int minimum = Integer.parseInt(args[1]);
    int tests = 0;
    int errors = 0;
    int skipped = 0;
    int failures = 0;
    List<String> excluded = new ArrayList<>();
    if (!Files.isDirectory(reports)) {
      throw new IllegalStateException("no TCK reports in " + reports + ": did the TCK run?");
    }
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        if (name.startsWith("TEST-") && name.endsWith(".xml")) {
          Matcher m = SUITE.matcher(text);
          if (m.find()) {
            tests += Integer.parseInt(m.group(1));
            errors += Integer.parseInt(m.group(2));
            skipped += Integer.parseInt(m.group(3));
            failures += Integer.parseInt(m.group(4));
          }
        } else if (name.endsWith("-output.txt")) {
          Matcher m = EXCLUDING.matcher(text);
          while (m.find()) {
            if (!m.group().contains("dummyTest")) {
              excluded.add(m.group());
            }
          }
        }
      }
    }
    String summary =
        String.format(
            "TCK %s: %d tests, %d failures, %d errors, %d skipped",
            reports.getFileName(), tests, failures, errors, skipped);
    System.out.println(summary);
    List<String> problems = new ArrayList<>();
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
