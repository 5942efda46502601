package org.qinglian.platform;

/** Writing CSV as the QDX format reads it (RFC 4180): one place for the quoting rule. */
public final class Csv {

	private Csv() {
	}

	/**
	 * A field as written: empty for {@code null}, quoted when it holds a comma, a quote
	 * or a line break.
	 */
	public static String field(String value) {
		if (value == null) {
			return "";
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return '"' + value.replace("\"", "\"\"") + '"';
			}
		}
		return value;
	}

}
