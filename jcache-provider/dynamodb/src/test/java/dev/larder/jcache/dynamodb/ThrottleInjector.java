package dev.larder.jcache.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A fault injector on the real request pipeline: while armed, DynamoDB Local's answers to one
 * operation are replaced by the throttling error DynamoDB sends, so the SDK's retries and Larder's
 * error after them can be tested. Counts the attempts it throttled.
 */
final class ThrottleInjector implements ExecutionInterceptor {

  private static final String BODY =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
          + "\"message\":\"The level of configured provisioned throughput for the table was"
          + " exceeded (injected by the test)\"}";

  private final String operation;
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile boolean armed;

  ThrottleInjector(String operation) {
    this.operation = operation;
  }

  void arm(boolean on) {
    armed = on;
  }

  int throttled() {
    return throttled.get();
  }

  private boolean hits(ExecutionAttributes attributes) {
    return armed && operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!hits(attributes)) {
      return context.httpResponse();
    }
    throttled.incrementAndGet();
    return context.httpResponse().toBuilder()
        .statusCode(400)
        .removeHeader("x-amz-crc32")
        .putHeader(
            "x-amzn-ErrorType",
            "ProvisionedThroughputExceededException:http://internal.amazon.com/")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!hits(attributes)) {
      return context.responseBody();
    }
    return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
  }
}
