package dev.larder.testkit.dynamodb;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link DynamoDbLocal} server (on a free port) shared by every test class of the run
 * that uses this extension, started on first use and closed when the run ends. Declare a {@code
 * DynamoDbLocal} parameter on a test, lifecycle method or constructor:
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbLocalExtension.class)
 * class MyTest {
 *   @BeforeAll
 *   static void start(DynamoDbLocal dynamo) { ... }
 * }
 * }</pre>
 *
 * Also sets the SDK's credential system properties to the test ones ({@link
 * DynamoDbLocal#useTestCredentials()}).
 */
public final class DynamoDbLocalExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DynamoDbLocal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DynamoDbLocal.useTestCredentials();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> new Shared(DynamoDbLocal.server()), Shared.class)
        .local;
  }

  /** Closes the shared server when JUnit closes the root store at the end of the run. */
  private record Shared(DynamoDbLocal local) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      local.close();
    }
  }
}
