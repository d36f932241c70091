package dev.larder.jcache.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the HTTP requests a client sends (retries included), by DynamoDB operation. */
final class RequestCounter implements ExecutionInterceptor {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
  }

  void reset() {
    counts.clear();
  }

  int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Operation name to count, sorted, for assertions that show what was sent. */
  Map<String, Integer> byOperation() {
    Map<String, Integer> sorted = new TreeMap<>();
    counts.forEach((operation, count) -> sorted.put(operation, count.get()));
    return sorted;
  }
}
