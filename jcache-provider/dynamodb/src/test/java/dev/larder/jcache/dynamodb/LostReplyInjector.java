package dev.larder.jcache.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Loses replies on the real request pipeline: while armed, the first successful reply to each
 * single-item write (PutItem, UpdateItem, DeleteItem) is replaced by a 500, after DynamoDB Local
 * has applied the write. The SDK's standard retry then sends the same request again, as it does in
 * production after a timeout or an internal error. Counts the replies it lost.
 */
final class LostReplyInjector implements ExecutionInterceptor {

  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");

  /** Set on a call once its first reply was lost: its retries go through. */
  private static final ExecutionAttribute<Boolean> LOST = new ExecutionAttribute<>("larder.lost");

  /** Set while the attempt whose reply is being lost has its body replaced. */
  private static final ExecutionAttribute<Boolean> LOSING =
      new ExecutionAttribute<>("larder.losing");

  private static final String BODY =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
          + "\"message\":\"reply lost after the write applied (injected by the test)\"}";

  private final AtomicInteger lost = new AtomicInteger();
  private volatile boolean armed;

  void arm(boolean on) {
    armed = on;
  }

  int lost() {
    return lost.get();
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    if (!armed
        || !response.isSuccessful()
        || attributes.getAttribute(LOST) != null
        || !WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      return response;
    }
    attributes.putAttribute(LOST, Boolean.TRUE);
    attributes.putAttribute(LOSING, Boolean.TRUE);
    lost.incrementAndGet();
    return response.toBuilder()
        .statusCode(500)
        .removeHeader("x-amz-crc32")
        .putHeader("x-amzn-ErrorType", "InternalServerError:http://internal.amazon.com/")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (attributes.getAttribute(LOSING) == null) {
      return context.responseBody();
    }
    attributes.putAttribute(LOSING, null);
    return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
  }
}
