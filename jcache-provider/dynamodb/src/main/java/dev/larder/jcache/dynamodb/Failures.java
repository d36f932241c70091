package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns SDK failures into {@link StoreException}s that name the table, the DynamoDB operation and
 * the cache, and say what to do. The SDK has already retried throttling and transient errors by the
 * time one arrives here. Messages carry no credentials. Thread-safe.
 */
final class Failures {

  private final String table;
  private final String where;

  Failures(String table, String where) {
    this.table = table;
    this.where = where;
  }

  String table() {
    return table;
  }

  StoreException translate(SdkException e, String operation, String cache) {
    String subject =
        "DynamoDB " + operation + " on table '" + table + "' for cache '" + cache + "'";
    if (e instanceof ResourceNotFoundException) {
      return new StoreException(
          "LARDER-502: "
              + subject
              + " failed: the table does not exist ("
              + where
              + "); "
              + TableAdmin.HOW_TO_CREATE,
          e);
    }
    if (isThrottling(e)) {
      return new StoreException(
          "LARDER-504: "
              + subject
              + " was throttled and the SDK's retries ran out; raise the table's capacity, switch"
              + " it to on-demand billing, or spread the load over more buckets",
          e);
    }
    if (e instanceof SdkClientException) {
      return new StoreException(
          "LARDER-505: " + subject + " could not reach DynamoDB (" + where + "): " + e.getMessage(),
          e);
    }
    return new StoreException("LARDER-505: " + subject + " failed: " + describe(e), e);
  }

  static boolean isThrottling(SdkException e) {
    return e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || e instanceof AwsServiceException service && service.isThrottlingException();
  }

  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode()
          + ": "
          + service.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
