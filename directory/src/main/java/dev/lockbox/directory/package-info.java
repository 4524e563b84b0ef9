/**
 * Who is who: tenants and their Lockbox settings, subscriptions, users, roles and designated
 * approvers, read from a directory file. Identity facts (MFA, isolated identity) come from here,
 * never from a request body. What users may do with a request is decided elsewhere (the api's
 * {@code RequestAccessPolicy}, the workflow's validators); this module only answers who holds what.
 */
package dev.lockbox.directory;
