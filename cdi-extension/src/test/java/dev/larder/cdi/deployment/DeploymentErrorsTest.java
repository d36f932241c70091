package dev.larder.cdi.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larder.cdi.testing.Larder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Misuse fails deployment with a numbered message, never at the first call. */
class DeploymentErrorsTest {

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of(
            List.of(Misused.TwoOperations.class),
            "LARDER-CDI-001",
            "@CacheResult and @CacheRemove"),
        Arguments.of(
            List.of(Misused.ResultOnVoid.class),
            "LARDER-CDI-002",
            "ResultOnVoid.nothing(java.lang.String)"),
        Arguments.of(
            List.of(Misused.PutWithoutValue.class), "LARDER-CDI-003", "PutWithoutValue.save"),
        Arguments.of(
            List.of(Misused.TwoValues.class), "LARDER-CDI-004", "has 2 @CacheValue parameters"),
        Arguments.of(
            List.of(Misused.ValueWithoutPut.class), "LARDER-CDI-005", "ValueWithoutPut.load"),
        Arguments.of(List.of(Misused.KeyAndValue.class), "LARDER-CDI-006", "parameter 1 of"),
        Arguments.of(
            List.of(Misused.ExceptionsWithoutCache.class),
            "LARDER-CDI-007",
            "ExceptionsWithoutCache.load"),
        Arguments.of(List.of(Misused.ExceptionsInResultCache.class), "LARDER-CDI-008", "'same'"),
        Arguments.of(List.of(Misused.StaticMethod.class), "LARDER-CDI-009", "which is static"),
        Arguments.of(List.of(Misused.ClassLevel.class), "LARDER-CDI-010", "Misused$ClassLevel"),
        Arguments.of(List.of(Misused.OddAsyncType.class), "LARDER-CDI-011", "Misused$OwnFuture"),
        Arguments.of(
            List.of(Misused.UnusableFactory.class), "LARDER-CDI-012", "Misused$AbstractFactory"),
        Arguments.of(
            List.of(Misused.KeyOnRemoveAll.class), "LARDER-CDI-013", "KeyOnRemoveAll.clear"),
        Arguments.of(List.of(Misused.TwoManagers.class), "LARDER-CDI-020", "Misused$TwoManagers"),
        Arguments.of(
            List.of(Misused.OneResolver.class, Misused.OtherResolver.class),
            "LARDER-CDI-021",
            "Misused$OtherResolver"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("misuses")
  void misuse_failsDeployment_withItsNumberedMessage(
      List<Class<?>> beans, String code, String detail) {
    String message = deploymentFailure(beans.toArray(Class<?>[]::new));
    assertEquals(List.of(code), codes(message), message);
    assertTrue(message.contains(detail), message);
  }

  @Test
  void everyMisuseOfAClass_isReported_notJustTheFirst() {
    String message = deploymentFailure(Misused.TwoMisuses.class);
    assertEquals(
        List.of("LARDER-CDI-002", "LARDER-CDI-003"), codes(message).stream().sorted().toList());
  }

  @Test
  void wellFormedBeans_deploy() {
    try (WeldContainer container =
        Larder.weld(Misused.WellFormed.class, Misused.OneResolver.class).initialize()) {
      assertTrue(container.select(Misused.WellFormed.class).isResolvable());
    }
  }

  private static String deploymentFailure(Class<?>... beans) {
    RuntimeException failure =
        assertThrows(RuntimeException.class, () -> Larder.weld(beans).initialize().close());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  private static List<String> codes(String message) {
    List<String> codes = new ArrayList<>();
    Matcher m = Pattern.compile("LARDER-CDI-\\d{3}").matcher(message);
    while (m.find()) {
      if (!codes.contains(m.group())) {
        codes.add(m.group());
      }
    }
    return codes;
  }
}
