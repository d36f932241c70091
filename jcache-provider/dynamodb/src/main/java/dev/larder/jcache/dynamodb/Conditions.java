package dev.larder.jcache.dynamodb;

import dev.larder.jcache.spi.Condition;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB condition expression of a store {@link Condition}. Expiry is part of every condition
 * but {@code ALWAYS} and {@code IF_VERSION}, so an expired item (still there until the native TTL's
 * backstop removes it) counts as absent, atomically with the write:
 *
 * <pre>
 * IF_ABSENT      attribute_not_exists(pk) OR exp &lt;= :now
 * IF_PRESENT     exp &gt; :now
 * IF_VALUE       exp &gt; :now AND v = :value
 * IF_VERSION(0)  attribute_not_exists(pk)
 * IF_VERSION(n)  ver = :version
 * </pre>
 *
 * @param expression the condition expression, or null for none
 * @param names the expression attribute names it uses
 * @param values the expression attribute values it uses
 */
record Conditions(
    String expression, Map<String, String> names, Map<String, AttributeValue> values) {

  static final Conditions NONE = new Conditions(null, Map.of(), Map.of());

  static Conditions of(Condition condition, long now) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    String expression =
        switch (condition.kind()) {
          case ALWAYS -> null;
          case IF_ABSENT -> {
            names.put("#pk", Items.PK);
            names.put("#exp", Items.EXPIRES);
            values.put(":now", Items.expiry(now));
            yield "attribute_not_exists(#pk) OR #exp <= :now";
          }
          case IF_PRESENT -> {
            names.put("#exp", Items.EXPIRES);
            values.put(":now", Items.expiry(now));
            yield "#exp > :now";
          }
          case IF_VALUE -> {
            names.put("#exp", Items.EXPIRES);
            names.put("#v", Items.VALUE);
            values.put(":now", Items.expiry(now));
            values.put(
                ":value",
                AttributeValue.fromB(
                    SdkBytes.fromByteArrayUnsafe(
                        Items.bytes(condition.value(), "compared value"))));
            yield "#exp > :now AND #v = :value";
          }
          case IF_VERSION -> {
            if (condition.version() == 0) {
              names.put("#pk", Items.PK);
              yield "attribute_not_exists(#pk)";
            }
            names.put("#ver", Items.VERSION);
            values.put(":version", Items.eightBytes(condition.version()));
            yield "#ver = :version";
          }
        };
    return expression == null ? NONE : new Conditions(expression, names, values);
  }

  /**
   * {@code condition} (ALWAYS or IF_VERSION) restricted to an entry live at {@code live}, or with
   * {@code orAbsent} also to no item at all: the cases where a write keeps or sets the expiry for
   * replacing a live entry.
   */
  static Conditions liveOrAbsent(Condition condition, long live, boolean orAbsent) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#exp", Items.EXPIRES);
    values.put(":live", Items.expiry(live));
    String expression = "#exp > :live";
    if (condition.kind() == Condition.Kind.IF_VERSION) {
      names.put("#ver", Items.VERSION);
      values.put(":version", Items.eightBytes(condition.version()));
      expression = "#ver = :version AND " + expression;
    } else if (orAbsent) {
      names.put("#pk", Items.PK);
      expression = "attribute_not_exists(#pk) OR " + expression;
    }
    return new Conditions(expression, names, values);
  }

  /** The names, or null when there are none: DynamoDB refuses an empty map. */
  Map<String, String> namesOrNull() {
    return names.isEmpty() ? null : names;
  }

  /** The values, or null when there are none: DynamoDB refuses an empty map. */
  Map<String, AttributeValue> valuesOrNull() {
    return values.isEmpty() ? null : values;
  }

  /** These names and values plus more (for an update expression); never mutates this one. */
  Conditions with(Map<String, String> moreNames, Map<String, AttributeValue> moreValues) {
    Map<String, String> allNames = new HashMap<>(names);
    allNames.putAll(moreNames);
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.putAll(moreValues);
    return new Conditions(expression, allNames, allValues);
  }
}
