package org.qinglian.platform;

import org.qinglian.platform.db.EarlyDatabase;

/**
 * What {@code main} starts before Spring does: the embedded database, in the background
 * (see {@link EarlyDatabase}).
 */
public final class EarlyStart {

	private EarlyStart() {
	}

	/**
	 * Starts what can start before Spring.
	 * @param args the command line
	 */
	public static void beforeSpring(String[] args) {
		EarlyDatabase.start(args);
	}

}
