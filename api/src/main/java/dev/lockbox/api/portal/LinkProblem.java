package dev.lockbox.api.portal;

import org.springframework.http.HttpStatus;

/** A link that cannot be used, with what to tell the person who opened it. */
class LinkProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final String requestId;

  LinkProblem(HttpStatus status, String title, String detail, String requestId) {
    super(detail);
    this.status = status;
    this.title = title;
    this.requestId = requestId;
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }

  /** The request to offer a portal link to, or null. */
  String requestId() {
    return requestId;
  }
}
