package dev.clickstream.listener.changelog;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The unique-user and top-product sketches of one partition, for one event-time window or since the start, in Apache
 * DataSketches' own serialization (Base64 in the changelogs' JSON): any DataSketches library, in any language, reads
 * them.
 *
 * @param users an HLL sketch of the user ids of all events
 * @param viewed a frequent-items sketch of the product ids of {@code productview} events
 * @param purchased a frequent-items sketch of the product ids of {@code purchase} events
 * @param partial whether events counted before these sketches existed are missing from them: the partition was counted
 * by a version without sketches
 */
public record Sketches(byte[] users, byte[] viewed, byte[] purchased, boolean partial) {

	/** The bytes of the three sketches, as each changelog record that carries them grows by. */
	@JsonIgnore
	public int size() {
		return this.users.length + this.viewed.length + this.purchased.length;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Sketches that && this.partial == that.partial && Arrays.equals(this.users, that.users)
				&& Arrays.equals(this.viewed, that.viewed) && Arrays.equals(this.purchased, that.purchased);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * (31 * Arrays.hashCode(this.users) + Arrays.hashCode(this.viewed))
				+ Arrays.hashCode(this.purchased)) + Boolean.hashCode(this.partial);
	}

	@Override
	public String toString() {
		return "Sketches[" + size() + " bytes" + (this.partial ? ", partial" : "") + "]";
	}

}
