package org.qinglian.platform;

/**
 * Word to every instance of the platform on the same database that something they keep (a
 * cache of pages, say) changed. A message is a topic only; it is heard by every instance
 * listening to its topic, this one included, once the transaction that sent it commits (a
 * message sent in a transaction that rolls back is never heard). An instance that may
 * have missed messages (its connection to the database was lost) runs every listener as
 * if each topic had been sent.
 */
public interface Broadcasts {

	/**
	 * Sends a topic: when the current transaction commits, or at once outside one.
	 * @param topic a short name, {@code [a-z0-9.-]+}
	 */
	void send(String topic);

	/**
	 * Runs {@code listener} on this instance each time the topic is heard. Listeners run
	 * on one thread, one after another, and should be quick.
	 * @param topic a short name, {@code [a-z0-9.-]+}
	 * @param listener what to do
	 */
	void listen(String topic, Runnable listener);

}
