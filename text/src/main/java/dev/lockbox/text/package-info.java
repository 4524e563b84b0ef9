/**
 * Times and durations as people read them, written the same way in emails and in the portal. Plain
 * functions with no dependencies: nothing here knows of requests, Spring or Temporal.
 */
package dev.lockbox.text;
