package dev.larder.jcache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeansTest {

  @Test
  void name_ofAUriWithAQuery_isNoPattern() {
    ObjectName name =
        MBeans.name(
            MBeans.Kind.STATISTICS,
            "dynamodb://table?region=eu-west-1&endpoint=http://127.0.0.1:8000",
            "orders*?");
    assertFalse(name.isPattern(), name.toString());
    assertEquals("orders..", name.getKeyProperty("Cache"));
  }

  @Test
  void name_replacesTheSpecsCharacters() {
    ObjectName name = MBeans.name(MBeans.Kind.CONFIGURATION, "memory:default", "a,b=c:d\ne");
    assertEquals("memory.default", name.getKeyProperty("CacheManager"));
    assertEquals("a.b.c.d.e", name.getKeyProperty("Cache"));
  }
}
