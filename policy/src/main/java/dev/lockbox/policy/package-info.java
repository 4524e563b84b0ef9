/**
 * The JIT policy: the catalogue of supported services and the rules file, parsed and evaluated. The
 * worker's JIT activity evaluates it (its answer is the record in the history) and the api asks it
 * to refuse an impossible request with a 400 before anything starts. Pure rules over the request
 * and the directory: no Temporal client, no web, no persistence.
 */
package dev.lockbox.policy;
