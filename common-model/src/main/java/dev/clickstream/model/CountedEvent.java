package dev.clickstream.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What counting reads of a click event to count it in its window and sketch it: its name and date, and its user and
 * product as bytes within a buffer, the record itself where it was read without a parser. Counting reads every
 * event and needs the user only to hash it: a string per user would be made only to be thrown away.
 *
 * @param eventName the event's name
 * @param epochSecond the event's date, in seconds since the epoch
 * @param bytes holds the user and product ids, as UTF-8
 */
public record CountedEvent(String eventName, long epochSecond, byte[] bytes, int userStart, int userEnd,
		int productStart, int productEnd) {

	public static CountedEvent of(ClickEvent event) {
		byte[] user = event.userId().getBytes(StandardCharsets.UTF_8);
		byte[] product = event.productId().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[user.length + product.length];
		System.arraycopy(user, 0, bytes, 0, user.length);
		System.arraycopy(product, 0, bytes, user.length, product.length);
		return new CountedEvent(event.eventName(), event.date().getEpochSecond(), bytes, 0, user.length, user.length,
				bytes.length);
	}

	/** The user id's UTF-8 bytes, without copying them. */
	public ByteBuffer userId() {
		return ByteBuffer.wrap(this.bytes, this.userStart, this.userEnd - this.userStart);
	}

	public String productId() {
		return new String(this.bytes, this.productStart, this.productEnd - this.productStart, StandardCharsets.UTF_8);
	}

	/** The user id as a string, for tests and messages; counting hashes {@link #userId()}. */
	public String userIdText() {
		return new String(this.bytes, this.userStart, this.userEnd - this.userStart, StandardCharsets.UTF_8);
	}

}
