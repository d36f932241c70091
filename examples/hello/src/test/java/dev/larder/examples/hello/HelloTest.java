package dev.larder.examples.hello;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelloTest {

  @Test
  void main_onMemoryDefault_printsRoundTripAndExpiry() throws Exception {
    String output = runMain();

    assertTrue(output.contains("default URI: memory:"), output);
    assertTrue(output.contains("get(\"hello\") -> world   (round trip ok)"), output);
    assertTrue(output.contains("putIfAbsent(\"hello\", \"again\") -> false"), output);
    assertTrue(output.contains("replace(\"hello\", \"world\", \"there\") -> true"), output);
    assertTrue(output.contains("  hello = there"), output);
    assertTrue(output.contains("remove(\"bye\") -> true   (containsKey: false)"), output);
    assertTrue(output.contains("get(\"token\") -> null   (expired)"), output);
    assertTrue(output.contains("closed the cache manager"), output);
  }

  private static String runMain() throws InterruptedException {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      Hello.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
