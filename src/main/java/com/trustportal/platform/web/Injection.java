package com.trustportal.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Puts back the services of a view- or session-scoped bean after Java deserialisation. Such a bean keeps its
 * boundaries (EJB references, which plain Java serialisation cannot write) in {@code @Inject transient} fields, so its
 * session stays serialisable; its {@code readObject} calls {@link #restore} to look each of them up again.
 */
public final class Injection {

  private Injection() {}

  /** Fills every null {@code @Inject transient} field of {@code bean} from the bean manager. */
  public static void restore(Object bean) {
    for (Class<?> type = bean.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(Inject.class) && Modifier.isTransient(field.getModifiers())) {
          set(bean, field);
        }
      }
    }
  }

  private static void set(Object bean, Field field) {
    Annotation[] qualifiers = Arrays.stream(field.getAnnotations())
        .filter(a -> a.annotationType().isAnnotationPresent(Qualifier.class)).toArray(Annotation[]::new);
    try {
      field.setAccessible(true);
      if (field.get(bean) == null) {
        field.set(bean, CDI.current().select(field.getType(), qualifiers).get());
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot restore " + field + " after deserialisation", e);
    }
  }
}
