package dev.clickstream.listener.sketches;

import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;

import dev.clickstream.listener.changelog.Sketches;
import dev.clickstream.model.CountedEvent;
import dev.clickstream.model.EventNames;

/**
 * The unique users and top products of one partition's events, in a window or since the start, as they are being
 * updated by a batch. A sketch's content depends only on the events it was given and their order, not on where it was
 * written and read back between them: counting a partition again after a crash comes to the same sketches.
 */
public final class EventSketches {

	/**
	 * 2^12 HLL registers: a relative standard error of 1.04 / √4096 = 1.6%, in 2 KB (4 bits per register). The
	 * figure {@link dev.clickstream.model.UniqueUsers} states.
	 */
	static final int LG_K = 12;

	static final TgtHllType HLL_TYPE = TgtHllType.HLL_4;

	/**
	 * The frequent-items sketches' largest map: up to 192 products are counted exactly; beyond, each count is within
	 * 3.5 / 256 = 1.4% of the events sketched, and a sketch holds at most 192 products, about 5 KB.
	 */
	static final int TOP_MAP_SIZE = 256;

	static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

	private HllSketch users;

	private final ItemsSketch<String> viewed;

	private final ItemsSketch<String> purchased;

	private final boolean partial;

	private EventSketches(HllSketch users, ItemsSketch<String> viewed, ItemsSketch<String> purchased,
			boolean partial) {
		this.users = users;
		this.viewed = viewed;
		this.purchased = purchased;
		this.partial = partial;
	}

	/**
	 * @param partial whether events were counted before these sketches began, and are missing from them
	 */
	public static EventSketches empty(boolean partial) {
		return new EventSketches(new HllSketch(LG_K, HLL_TYPE), new ItemsSketch<>(TOP_MAP_SIZE),
				new ItemsSketch<>(TOP_MAP_SIZE), partial);
	}

	public static EventSketches of(Sketches sketches) {
		return new EventSketches(HllSketch.heapify(sketches.users()), items(sketches.viewed()),
				items(sketches.purchased()), sketches.partial());
	}

	static ItemsSketch<String> items(byte[] bytes) {
		return ItemsSketch.getInstance(Memory.wrap(bytes), SERDE);
	}

	public void add(CountedEvent event) {
		add(event, sketchedProduct(event));
	}

	/**
	 * @param product the event's {@link #sketchedProduct}, taken once for all the sketches the event goes into
	 */
	public void add(CountedEvent event, @Nullable String product) {
		addUser(event);
		addProduct(event.eventName(), product);
	}

	/** Hashes the user id's UTF-8 bytes, as DataSketches' {@code update(String)} does, without a string. */
	public void addUser(CountedEvent event) {
		this.users.update(event.userId());
	}

	/** The product of a view or a purchase, the events whose products are sketched; null for other events. */
	public static @Nullable String sketchedProduct(CountedEvent event) {
		String eventName = event.eventName();
		return (EventNames.PRODUCT_VIEW.equals(eventName) || EventNames.PURCHASE.equals(eventName)) ? event.productId()
				: null;
	}

	/** Counts the product of a view or a purchase, as {@link #sketchedProduct} gives it. */
	public void addProduct(String eventName, @Nullable String product) {
		if (product == null) {
			return;
		}
		if (EventNames.PRODUCT_VIEW.equals(eventName)) {
			this.viewed.update(product);
		}
		else if (EventNames.PURCHASE.equals(eventName)) {
			this.purchased.update(product);
		}
	}

	/** Takes in the users of other sketches: a user already in these changes nothing. */
	public void addUsersOf(EventSketches other) {
		Union union = new Union(LG_K);
		union.update(this.users);
		union.update(other.users);
		this.users = union.getResult(HLL_TYPE);
	}

	public Sketches sketches() {
		return new Sketches(this.users.toCompactByteArray(), this.viewed.toByteArray(SERDE),
				this.purchased.toByteArray(SERDE), this.partial);
	}

}
