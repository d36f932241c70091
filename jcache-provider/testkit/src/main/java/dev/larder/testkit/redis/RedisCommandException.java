package dev.larder.testkit.redis;

/**
 * An error reply from a test server to a command the testkit sent, such as {@code WRONGTYPE ...} or
 * {@code NOAUTH ...}. The message is the server's error line.
 */
public final class RedisCommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error whose message is the server's error line, for example {@code ERR unknown command}. */
  public RedisCommandException(String serverError) {
    super(serverError);
  }

  /**
   * The error prefix the server chose, such as {@code ERR}, {@code WRONGTYPE} or {@code NOAUTH}.
   */
  public String errorCode() {
    String message = getMessage();
    int space = message.indexOf(' ');
    return space < 0 ? message : message.substring(0, space);
  }
}
