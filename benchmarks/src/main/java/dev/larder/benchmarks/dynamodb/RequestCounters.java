package dev.larder.benchmarks.dynamodb;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one benchmark thread sent to DynamoDB in an iteration, filled in by {@link
 * CountingInterceptor} on that thread (the synchronous SDK client runs its interceptors on the
 * calling thread). JMH reports both fields as rates beside the primary ops/s, so requests per
 * operation is {@code requests / score} and capacity per operation {@code capacityUnits / score}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RequestCounters {

  /** HTTP requests sent (every attempt, retries included). */
  public long requests;

  /** Capacity units DynamoDB reported as consumed (ReturnConsumedCapacity TOTAL). */
  public double capacityUnits;

  @Setup(Level.Iteration)
  public void bind() {
    requests = 0;
    capacityUnits = 0;
    CountingInterceptor.bind(this);
  }
}
