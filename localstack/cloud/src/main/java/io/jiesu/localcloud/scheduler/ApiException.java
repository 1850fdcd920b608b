package io.jiesu.localcloud.scheduler;

/**
 * An error answered the way EventBridge Scheduler answers it: HTTP status, {@code x-amzn-ErrorType} and a JSON
 * {@code Message}; the AWS SDK turns it into the modeled exception of that name.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String type;

    private ApiException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiException validation(String message) {
        return new ApiException(400, "ValidationException", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "ConflictException", message);
    }

    static ApiException unknownOperation(String method, String path) {
        return new ApiException(404, "UnknownOperationException",
                "The local EventBridge Scheduler does not emulate " + method + " " + path);
    }
}
