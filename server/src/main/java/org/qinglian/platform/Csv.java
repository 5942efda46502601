package org.qinglian.platform;

/**
 * Writing CSV as the QDX format reads it (RFC 4180): one place for the quoting rule, and
 * for what a spreadsheet must not run.
 */
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

	/**
	 * A field of a CSV file meant for people, who open it in a spreadsheet: a value that
	 * a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, a
	 * tab or a carriage return first) is written with a {@code '} before it (OWASP's
	 * advice against CSV injection), then quoted as {@link #field} does.
	 */
	public static String cell(String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return field("'" + value);
		}
		return field(value);
	}

}
