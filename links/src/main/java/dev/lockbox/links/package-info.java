/**
 * Signed approval links: the worker signs one per approver when it sends mail, the portal checks it
 * when the approver opens it. Signing and checking only; what a valid link lets its addressee do is
 * the portal's business, and a link never carries a decision by itself.
 */
package dev.lockbox.links;
