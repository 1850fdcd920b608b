package io.jiesu.aws.ticket;

/** The same Idempotency-Key came with a different request: a client bug, never silently merged. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key per request");
    }
}
