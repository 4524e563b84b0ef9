/**
 * The web application: REST API, approver portal, signed email links, audit API. Every controller
 * goes through the {@code requests.LockboxRequests} façade, and only {@code
 * requests.LockboxWorkflows} talks to Temporal's client about requests ({@code ApiShapeTest} checks
 * both). It never depends on activity implementations or the worker: those run behind Temporal,
 * possibly on another machine.
 */
package dev.lockbox.api;
