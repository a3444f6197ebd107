package com.trustportal.certificate.pdf;

/** An SVG logo that is malformed or uses features outside the supported subset. */
final class SvgException extends Exception {

    private static final long serialVersionUID = 1L;

    SvgException(String message) {
        super(message);
    }

    SvgException(String message, Throwable cause) {
        super(message, cause);
    }
}
