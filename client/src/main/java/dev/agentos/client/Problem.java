package dev.agentos.client;

/**
 * The {@code application/problem+json} body (RFC 9457) both AgentOS APIs answer a refusal with.
 *
 * @param type a URI naming the kind of problem (e.g. {@code
 *     https://agentos.dev/problems/rebuilding}), or {@code about:blank}
 * @param title the status's short text, e.g. {@code Unprocessable Entity}
 * @param status the HTTP status, repeated in the body
 * @param detail what is wrong, in words
 * @param field for 422 (and a 413 of an oversized event): the offending field, query parameter or
 *     header, e.g. {@code memories[3].contextId} or {@code X-Session-Id}; else null
 * @param instance the request path
 */
public record Problem(
    String type, String title, int status, String detail, String field, String instance) {}
