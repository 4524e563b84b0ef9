/** The reference receiver of the signed access webhook ({@code lockbox.jar webhook-receiver}). */
package dev.lockbox.local.webhook;
