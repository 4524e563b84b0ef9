package dev.lockbox.api.portal;

/** A portal address that does not exist. */
class PageNotFoundException extends RuntimeException {

  PageNotFoundException() {
    super("There is no such page in the Lockbox portal.");
  }
}
