package org.qinglian.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A request the platform refuses for what it asks, not for who asks: a page shows it as
 * its message key (in the user's language) with its arguments, the API answers 400 with
 * the English message.
 */
public class Refused extends IllegalArgumentException {

	private final String messageKey;

	private final transient List<Object> args;

	public Refused(String messageKey, String message, Object... args) {
		super(message);
		this.messageKey = messageKey;
		this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
	}

	public String messageKey() {
		return messageKey;
	}

	public List<Object> args() {
		return args;
	}

	/**
	 * Refuses a field unless the condition holds: the message key names the problem, the
	 * field is its argument (and the English message says both).
	 */
	public static void unless(boolean ok, String field, String messageKey) {
		if (!ok) {
			throw new Refused(messageKey, field + ": " + messageKey.substring(messageKey.lastIndexOf('.') + 1), field);
		}
	}

}
