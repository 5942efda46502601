package org.qinglian.casework.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The anonymisation of a public case notice (通报): the subject's name becomes 某某 however
 * it is written (full-width forms, spaces or invisible characters between its
 * characters), and what would still name someone is found for the office to take out.
 */
final class Notices {

	/** Spaces and invisible characters that may sit between a name's characters. */
	private static final String GAP = "[\\s\\u00A0\\u3000\\u200B-\\u200F\\u2028-\\u202F\\u2060-\\u206F\\uFEFF]*";

	private static final Pattern INVISIBLE = Pattern
		.compile("[\\s\\u00A0\\u3000\\u200B-\\u200F\\u2028-\\u202F\\u2060-\\u206F\\uFEFF]+");

	/** An ID number (18 or 15 characters) or a mobile phone number. */
	private static final Pattern NUMBERS = Pattern
		.compile("\\d{17}[\\dXx]|(?<!\\d)\\d{15}(?!\\d)|(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	private Notices() {
	}

	/** The text in its normal form (NFKC), with the subject's name replaced by 某某. */
	static String anonymise(String text, String subjectName) {
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
		if (subjectName == null || subjectName.length() < 2) {
			return normal;
		}
		StringBuilder pattern = new StringBuilder();
		String name = Normalizer.normalize(subjectName, Normalizer.Form.NFKC);
		for (int i = 0; i < name.length(); i++) {
			if (i > 0) {
				pattern.append(GAP);
			}
			pattern.append(Pattern.quote(String.valueOf(name.charAt(i))));
		}
		return Pattern.compile(pattern.toString()).matcher(normal).replaceAll("某某");
	}

	/** The names of the list that the text still holds, however spaced. */
	static List<String> namesIn(String text, List<String> names) {
		String compact = INVISIBLE.matcher(text).replaceAll("");
		return names.stream().filter(n -> compact.contains(n)).sorted().toList();
	}

	static boolean hasNumbers(String text) {
		return NUMBERS.matcher(INVISIBLE.matcher(text).replaceAll("")).find();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
