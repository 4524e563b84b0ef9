/** The built-in access system's check for gateways ({@code GET /api/access/check}). */
package dev.lockbox.api.access;
