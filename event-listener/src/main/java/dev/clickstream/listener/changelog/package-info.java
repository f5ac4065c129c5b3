/**
 * The changelog: the contract between counting and publishing. Each partition's state, as committed with the
 * consumer offsets, its format, its writer and its reader.
 */
@NullMarked
package dev.clickstream.listener.changelog;

import org.jspecify.annotations.NullMarked;
