package dev.clickstream.producer.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.clickstream.model.ClickEvent;
import dev.clickstream.model.EventNames;
import org.jspecify.annotations.Nullable;

/**
 * A shop's traffic. A catalog of products whose views follow a Zipf law, and a population of users who visit in
 * sessions. A number of sessions are open at once; each event is the next step of one of them, picked at random, so
 * the sessions interleave as real visitors' do while each user's own events stay in order. A session walks the
 * funnel: it views products, may put the product just viewed in the basket, may take an item out again, and when it
 * ends may buy what is in the basket, one purchase per item. A user has one session at a time.
 */
final class ShopModel implements TrafficModel {

	static final List<String> EVENT_NAMES = List.of(EventNames.PRODUCT_VIEW, EventNames.ADD_TO_BASKET,
			EventNames.REMOVE_FROM_BASKET, EventNames.PURCHASE);

	private final ShopSettings settings;

	private final SplittableRandom random;

	/** By popularity: the product at index 0 is the most viewed. */
	private final String[] products;

	private final ZipfDistribution popularity;

	private final String[] users;

	private final boolean[] inSession;

	private final Session[] open;

	private long sessionsStarted;

	private long lastSession;

	ShopModel(ShopSettings settings, SplittableRandom random) {
		this.settings = settings;
		this.random = random;
		this.products = distinctIds(settings.products(), RandomIds.PRODUCT_ID_LENGTH);
		this.popularity = new ZipfDistribution(settings.products(), settings.zipfExponent());
		this.users = distinctIds(settings.users(), RandomIds.USER_ID_LENGTH);
		this.inSession = new boolean[settings.users()];
		this.open = new Session[settings.openSessions()];
		for (int slot = 0; slot < this.open.length; slot++) {
			this.open[slot] = startSession();
		}
	}

	@Override
	public ClickEvent next(Instant date) {
		while (true) {
			int slot = this.random.nextInt(this.open.length);
			Session session = this.open[slot];
			ClickEvent event = step(session, date);
			if (event != null) {
				this.lastSession = session.number;
				return event;
			}
			this.inSession[session.user] = false;
			this.open[slot] = startSession();
		}
	}

	@Override
	public List<String> eventNames() {
		return EVENT_NAMES;
	}

	/** The number of the session the last event belongs to: sessions are numbered from 0 in the order they start. */
	long lastSession() {
		return this.lastSession;
	}

	/** The product of the given popularity rank, 0 the most popular. */
	String product(int rank) {
		return this.products[rank];
	}

	/** The session's next event, or null when it has ended. */
	private @Nullable ClickEvent step(Session session, Instant date) {
		String user = this.users[session.user];
		if (session.checkingOut) {
			return session.basket.isEmpty() ? null
					: new ClickEvent(date, session.basket.remove(session.basket.size() - 1), EventNames.PURCHASE, user);
		}
		if (session.lastViewed != null) {
			double action = this.random.nextDouble();
			double add = this.settings.addToBasket();
			double remove = add + this.settings.removeFromBasket();
			double leave = remove + this.settings.leave();
			if (action < add) {
				if (session.justViewed && !session.basket.contains(session.lastViewed)) {
					session.justViewed = false;
					session.basket.add(session.lastViewed);
					return new ClickEvent(date, session.lastViewed, EventNames.ADD_TO_BASKET, user);
				}
			}
			else if (action < remove) {
				if (!session.basket.isEmpty()) {
					session.justViewed = false;
					String removed = session.basket.remove(this.random.nextInt(session.basket.size()));
					return new ClickEvent(date, removed, EventNames.REMOVE_FROM_BASKET, user);
				}
			}
			else if (action < leave) {
				if (session.basket.isEmpty() || this.random.nextDouble() >= this.settings.purchase()) {
					return null;
				}
				session.checkingOut = true;
				return step(session, date);
			}
		}
		session.lastViewed = this.products[this.popularity.next(this.random)];
		session.justViewed = true;
		return new ClickEvent(date, session.lastViewed, EventNames.PRODUCT_VIEW, user);
	}

	private Session startSession() {
		int user;
		// At most half the users are in a session (ShopSettings), so this takes two draws on average at worst.
		do {
			user = this.random.nextInt(this.users.length);
		}
		while (this.inSession[user]);
		this.inSession[user] = true;
		return new Session(user, this.sessionsStarted++);
	}

	private String[] distinctIds(int count, int length) {
		Set<String> seen = new HashSet<>();
		String[] ids = new String[count];
		for (int i = 0; i < count; i++) {
			String id;
			do {
				id = RandomIds.next(this.random, length);
			}
			while (!seen.add(id));
			ids[i] = id;
		}
		return ids;
	}

	private static final class Session {

		final int user;

		final long number;

		final List<String> basket = new ArrayList<>(4);

		@Nullable String lastViewed;

		/** Whether the session's last event was the view of {@link #lastViewed}, which may then go in the basket. */
		boolean justViewed;

		boolean checkingOut;

		Session(int user, long number) {
			this.user = user;
			this.number = number;
		}

	}

}
