package com.trustportal.certificate.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A change of what a certificate publishes that the caller may not make: only the learner who holds the certificate
 * decides, so another learner's, another organisation's or an admin's attempt finds no certificate of theirs.
 */
@ApplicationException(rollback = true)
public class PublicationRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PublicationRefused(String message) {
    super(message);
  }
}
