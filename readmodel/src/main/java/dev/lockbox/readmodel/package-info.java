/**
 * The table of request summaries behind listings: its schema (Flyway) and its repository ({@code
 * JdbcClient}). Written by the worker's read-model activity on every status change, read by the
 * api. It is a cache of the workflows' state, never the record: decisions and rules do not read it,
 * and anything it loses can be rebuilt from the histories.
 */
package dev.lockbox.readmodel;
