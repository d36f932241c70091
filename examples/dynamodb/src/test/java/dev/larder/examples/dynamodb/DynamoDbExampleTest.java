package dev.larder.examples.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynamoDbExampleTest {

  @Test
  void run_withoutAUri_startsDynamoDbLocalAndWorksThroughTheJCacheApi() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String last = DynamoDbExample.run(new String[0], out);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("cart: 4 items", last);
    assertTrue(printed.contains("started DynamoDB Local"), printed);
    assertTrue(printed.contains("invoke(bob)              -> cart: empty (seen)"), printed);
    assertTrue(printed.contains("1 entry left"), printed);
  }
}
