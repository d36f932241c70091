package dev.larder.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ParameterKeyTest {

  @Test
  void keys_compareTheirValuesDeeply() {
    assertEquals(
        new ParameterKey("a", new int[] {1, 2}, null),
        new ParameterKey("a", new int[] {1, 2}, null));
    assertEquals(
        new ParameterKey("a", new int[] {1, 2}).hashCode(),
        new ParameterKey("a", new int[] {1, 2}).hashCode());
    assertNotEquals(new ParameterKey("a", 1), new ParameterKey(1, "a"));
    assertNotEquals(new ParameterKey("a"), new ParameterKey("a", null));
  }

  @Test
  void aKey_survivesSerialization_asRemoteStoresNeed() throws Exception {
    ParameterKey key = new ParameterKey("a", 7L, new String[] {"x"});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(key, in.readObject());
    }
  }

  @Test
  void aKey_isACopyOfTheArguments() {
    Object[] values = {"a"};
    ParameterKey key = new ParameterKey(values);
    values[0] = "b";
    assertEquals(new ParameterKey("a"), key);
  }
}
