package com.trustportal.learning;

import com.trustportal.catalog.control.CourseLoadResult;
import com.trustportal.catalog.control.CourseLoader;
import com.trustportal.catalog.entity.Course;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The catalogue's valid test course (catalog-fixtures/minimal-course), loaded as the portal loads courses. Module m1:
 * m1-l1, m1-l2, m1-check, m1-roleplay, m1-reflect; module m2: m2-l1, m2-check, m2-reflect.
 */
public final class MinimalCourse {

  private MinimalCourse() {}

  public static Course load() {
    try {
      Path dir = Path.of(MinimalCourse.class.getResource("/catalog-fixtures/minimal-course").toURI());
      CourseLoadResult result = new CourseLoader().load(dir);
      if (!result.isLoaded()) {
        throw new IllegalStateException("fixture does not load: " + result.problems());
      }
      return result.course().orElseThrow();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
