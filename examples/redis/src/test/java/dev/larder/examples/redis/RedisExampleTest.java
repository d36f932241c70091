package dev.larder.examples.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.testkit.redis.RedisServer;
import dev.larder.testkit.redis.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisExampleTest {

  @RegisterExtension
  static final RedisServerExtension<RedisServer> REDIS = RedisServerExtension.single();

  @Test
  void main_onARealRedis_roundTrips() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      RedisExample.main(new String[] {REDIS.uri().toString()});
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("get(alice) -> cart=3 items"), printed);
    assertTrue(printed.contains("-> 3 entries"), printed);
    assertTrue(printed.contains("invoke(visits) counted atomically across JVMs -> 1"), printed);
    assertTrue(printed.contains("alice is now null"), printed);
  }
}
