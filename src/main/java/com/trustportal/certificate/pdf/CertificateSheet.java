package com.trustportal.certificate.pdf;

import java.time.LocalDate;

/**
 * Everything printed on one completion certificate.
 *
 * <p>Nullable components: {@code logo}, {@code signerName}, {@code signerTitle}, {@code expiresOn}
 * (no expiry), {@code scorePercent} and {@code secondsSpent} (not printed: the learner did not choose to publish it). Colours are {@code "#rrggbb"}; invalid values fall back to the default palette.
 *
 * @param tenantName    name of the issuing tenant, shown when there is no drawable logo
 * @param logo          tenant logo, or {@code null}
 * @param primaryColour tenant primary colour, {@code "#rrggbb"}
 * @param accentColour  tenant accent colour, {@code "#rrggbb"}
 * @param signerName    name of the person signing, or {@code null}
 * @param signerTitle   job title of the person signing, or {@code null}
 * @param learnerName   name of the learner
 * @param courseTitle   title of the completed course
 * @param courseVersion version of the completed course
 * @param completedOn   completion date
 * @param expiresOn     expiry date, or {@code null} when the certificate does not expire
 * @param scorePercent  final assessment score, 0 to 100, or {@code null} to leave it off
 * @param secondsSpent  learning time in seconds, or {@code null} to leave it off
 * @param code          formatted verification code, e.g. {@code "7K3M-9QXA-..."}
 * @param verifyUrl     absolute URL of the public verification page; the QR code encodes exactly this
 */
public record CertificateSheet(
        String tenantName,
        Logo logo,
        String primaryColour,
        String accentColour,
        String signerName,
        String signerTitle,
        String learnerName,
        String courseTitle,
        String courseVersion,
        LocalDate completedOn,
        LocalDate expiresOn,
        Integer scorePercent,
        Long secondsSpent,
        String code,
        String verifyUrl) {

    /**
     * A tenant logo as uploaded.
     *
     * @param bytes     the image file content
     * @param mediaType {@code "image/svg+xml"}, {@code "image/png"} or {@code "image/jpeg"}
     */
    public record Logo(byte[] bytes, String mediaType) {
    }
}
