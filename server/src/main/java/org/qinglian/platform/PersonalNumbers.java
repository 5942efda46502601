package org.qinglian.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Numbers that name a person: a resident ID number (18 characters, or an old one of 15
 * digits) or a mobile phone number. Text the platform publishes must not carry them.
 */
public final class PersonalNumbers {

	private static final Pattern NUMBERS = Pattern
		.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	private PersonalNumbers() {
	}

	/** Whether the text holds such a number (full-width digits read as digits). */
	public static boolean in(String text) {
		return text != null && NUMBERS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).find();
	}

}
