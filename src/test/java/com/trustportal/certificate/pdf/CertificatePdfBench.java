package com.trustportal.certificate.pdf;

import java.util.Arrays;
import java.util.Locale;

/** Renders 500 certificates after 50 warm-ups and prints p50/p95 latency. Not a test. */
public final class CertificatePdfBench {

    private static final int WARM_UPS = 50;
    private static final int RUNS = 500;

    private CertificatePdfBench() {
    }

    public static void main(String[] args) {
        CertificateSheet sheet = Sheets.sheet("Zoë Ångström-Ñúñez");
        for (int i = 0; i < WARM_UPS; i++) {
            CertificatePdf.render(sheet);
        }
        long[] nanos = new long[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes += CertificatePdf.render(sheet).length;
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "CertificatePdf.render: %d runs, p50 %.2f ms, p95 %.2f ms, avg size %d bytes%n",
                RUNS, nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.95)] / 1e6, bytes / RUNS);
    }
}
