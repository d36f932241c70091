package dev.larder.examples.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantForecastsTest {

  @Test
  void run_keepsTheTenantsEntriesApart() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      TenantForecasts.run(out);
    }
    assertEquals(
        List.of(
            "acme   asks: forecast #1 for Paris",
            "acme   asks: forecast #1 for Paris",
            "globex asks: forecast #2 for Paris",
            "computed 2 forecasts for 3 calls",
            "  acme's entry: forecast #1 for Paris",
            "  globex's entry: forecast #2 for Paris",
            "acme refreshes its forecasts (@CacheRemoveAll)",
            "  acme has no entries",
            "  globex's entry: forecast #2 for Paris"),
        buffer.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
