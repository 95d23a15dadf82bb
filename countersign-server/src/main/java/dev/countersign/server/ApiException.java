package dev.countersign.server;

/** An HTTP API error: a status and a message that names the problem; rendered as a JSON body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String error;

  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** 400: the request is malformed; nothing was stored. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  /** 401: no or unknown bearer token. */
  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  /** 403: the caller may not do this. */
  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  /** 404: no such resource. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  /** 409: the request conflicts with the current state (e.g. a stale digest). */
  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** A stable machine-readable error code. */
  public String error() {
    return error;
  }
}
