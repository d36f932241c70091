package dev.larder.testkit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small scenario classes on their own engine to see when the extension starts and stops
 * servers. Surefire skips the nested scenario classes themselves.
 */
class RedisServerExtensionTest {

  /** What the scenario tests saw; reset before each test of this class. */
  static final List<RedisNode> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetEarlierScenarios() {
    SEEN.clear();
  }

  @Test
  void staticField_oneServerForTheClassAndItsNestedClasses_stoppedAfterTheClass() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(StaticFieldScenario.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));

    assertEquals(3, SEEN.size());
    assertEquals(1, SEEN.stream().distinct().count());
    assertFalse(SEEN.get(0).isRunning());
  }

  @Test
  void instanceField_oneServerPerTest_eachStoppedAfterItsTest() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InstanceFieldScenario.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertEquals(2, SEEN.size());
    assertNotSame(SEEN.get(0), SEEN.get(1));
    SEEN.forEach(server -> assertFalse(server.isRunning()));
  }

  @Test
  void of_startsWhatTheStarterStarts() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(CustomStarterScenario.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    assertEquals("pw", SEEN.get(0).password().orElseThrow());
    assertFalse(SEEN.get(0).isRunning());
  }

  @Test
  void get_outsideTheTests_throwsExplainingWhy() {
    RedisServerExtension<RedisServer> unused = RedisServerExtension.single();

    IllegalStateException error = assertThrows(IllegalStateException.class, unused::get);

    assertFalse(error.getMessage().isEmpty());
  }

  static class StaticFieldScenario {

    @RegisterExtension
    static final RedisServerExtension<RedisServer> redis = RedisServerExtension.single();

    @Test
    void first() {
      SEEN.add(redis.get());
      assertEquals("PONG", redis.get().call("PING"));
    }

    @Test
    void second() {
      SEEN.add(redis.get());
    }

    @Nested
    class Inner {

      @Test
      void nested() {
        SEEN.add(redis.get());
      }
    }
  }

  static class InstanceFieldScenario {

    @RegisterExtension
    final RedisServerExtension<RedisServer> redis = RedisServerExtension.single();

    @Test
    void first() {
      SEEN.add(redis.get());
      assertEquals("PONG", redis.get().call("PING"));
    }

    @Test
    void second() {
      SEEN.add(redis.get());
    }
  }

  static class CustomStarterScenario {

    @RegisterExtension
    static final RedisServerExtension<RedisServer> redis =
        RedisServerExtension.of(() -> RedisServer.builder().password("pw").start());

    @Test
    void withPassword() {
      SEEN.add(redis.get());
      assertEquals("PONG", redis.get().call("PING"));
    }
  }
}
