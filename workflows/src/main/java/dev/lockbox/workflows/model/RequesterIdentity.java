package dev.lockbox.workflows.model;

/**
 * What the engineer's sign-in said about their identity when they asked: the JIT policy evaluates
 * these facts, so an engineer known only to the identity provider (a JWT's claims) is judged on the
 * same facts as one in the directory. Taken at creation and kept in the workflow's input, so the
 * evaluation in the history shows what it was based on.
 *
 * @param mfa the sign-in used multi-factor authentication
 * @param isolatedIdentity the engineer signed in with an isolated (privileged-access) identity
 */
public record RequesterIdentity(boolean mfa, boolean isolatedIdentity) {}
