package com.trustportal.enrolment.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportProgressHolderTest {

  @Test
  void aPreviewIsAllCheckingAndAnImportChecksForTheFirstThirtyPercent() {
    ImportProgressHolder progress = new ImportProgressHolder();
    progress.begin(false);
    assertEquals(0, progress.percent());
    progress.at("checking", 2_500, 10_000);
    assertEquals(25, progress.percent());
    assertEquals("{\"phase\":\"checking\",\"done\":2500,\"total\":10000,\"percent\":25}", progress.json());

    progress.begin(true);
    progress.at("checking", 5_000, 10_000);
    assertEquals(15, progress.percent());
    progress.at("writing", 5_000, 10_000);
    assertEquals(65, progress.percent());
    progress.end();
    assertEquals(100, progress.percent());
  }
}
