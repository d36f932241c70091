package dev.larder.benchmarks.dynamodb;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts the HTTP requests a DynamoDB client sends and the capacity DynamoDB says they consumed,
 * into the {@link RequestCounters} bound to the calling thread. Requests that do not ask for
 * consumed capacity (Larder's never do) are made to ask for {@code TOTAL}, which changes only the
 * response, so Larder and the raw SDK calls are measured alike.
 */
public final class CountingInterceptor implements ExecutionInterceptor {

  private static final ThreadLocal<RequestCounters> CURRENT = new ThreadLocal<>();

  static void bind(RequestCounters counters) {
    CURRENT.set(counters);
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    RequestCounters counters = CURRENT.get();
    if (counters != null) {
      counters.requests++;
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    RequestCounters counters = CURRENT.get();
    if (counters != null) {
      counters.capacityUnits += capacity(context.response());
    }
  }

  private static double capacity(SdkResponse response) {
    if (response instanceof GetItemResponse r) {
      return units(r.consumedCapacity());
    }
    if (response instanceof PutItemResponse r) {
      return units(r.consumedCapacity());
    }
    if (response instanceof UpdateItemResponse r) {
      return units(r.consumedCapacity());
    }
    if (response instanceof DeleteItemResponse r) {
      return units(r.consumedCapacity());
    }
    if (response instanceof BatchGetItemResponse r) {
      return units(r.consumedCapacity());
    }
    if (response instanceof BatchWriteItemResponse r) {
      return units(r.consumedCapacity());
    }
    return 0;
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }

  private static double units(List<ConsumedCapacity> capacities) {
    double sum = 0;
    for (ConsumedCapacity capacity : capacities) {
      sum += units(capacity);
    }
    return sum;
  }
}
