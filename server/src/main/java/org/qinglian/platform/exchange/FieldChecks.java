package org.qinglian.platform.exchange;

import java.time.Month;
import java.time.Year;

import org.qinglian.platform.ColumnType;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.IdentityCodes;

/**
 * The value checks of the QDX spec. Each returns {@code null} when the value is good,
 * else the reason.
 */
final class FieldChecks {

	private FieldChecks() {
	}

	/** A column's check: {@code null} when the value is good, else the reason. */
	@FunctionalInterface
	interface Check {

		String problem(String v);

	}

	/**
	 * The check of a column, chosen once for all its values: each type's check stays a
	 * small method of its own, which the JIT compiles soon and alone.
	 */
	static Check of(ExchangeColumn column) {
		return switch (column.type()) {
			case ID -> FieldChecks::id;
			case TEXT -> FieldChecks::text;
			case CODE -> v -> code(column, v);
			case REGION_CODE -> FieldChecks::regionCode;
			case DATE -> FieldChecks::date;
			case MONEY -> FieldChecks::money;
			case DECIMAL -> FieldChecks::decimal;
			case INTEGER -> FieldChecks::integer;
			case BOOLEAN -> FieldChecks::bool;
			case ID_NUMBER -> FieldChecks::idNumber;
			case ID_NUMBER_AS_RECEIVED -> FieldChecks::idNumberAsReceived;
			case CREDIT_CODE -> FieldChecks::creditCode;
			case MONTH -> FieldChecks::month;
			case QUARTER -> FieldChecks::quarter;
			case ID_LIST -> v -> list(v, false);
			case REGION_LIST -> v -> list(v, true);
		};
	}

	static String check(ExchangeColumn column, String v) {
		return of(column).problem(v);
	}

	static String code(ExchangeColumn column, String v) {
		return column.vocabulary().contains(v) ? null
				: "'" + v + "' is not one of " + String.join(", ", column.vocabulary().stream().sorted().toList());
	}

	static String bool(String v) {
		return "true".equals(v) || "false".equals(v) ? null : "'" + v + "' is not true or false";
	}

	/** An old 15-digit ID number, or 17 digits and a check character (not checked). */
	static String idNumberAsReceived(String v) {
		boolean ok = (v.length() == 15 && digits(v, 0, 15)) || (v.length() == 18 && digits(v, 0, 17)
				&& ((v.charAt(17) >= '0' && v.charAt(17) <= '9') || v.charAt(17) == 'X' || v.charAt(17) == 'x'));
		return ok ? null : "'" + v + "' is neither an old 15-digit ID number nor 17 digits and a check character";
	}

	static String id(String v) {
		if (v.length() > ColumnType.ID_LENGTH) {
			return "an id has at most " + ColumnType.ID_LENGTH + " characters";
		}
		return ColumnType.isId(v) ? null : "an id has no spaces, control characters or ';'";
	}

	static String text(String v) {
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c < ' ' && c != '\n' && c != '\r' && c != '\t') {
				return "contains a control character";
			}
		}
		return null;
	}

	static String regionCode(String v) {
		if (v.length() != 12 || !digits(v, 0, 12)) {
			return "'" + v + "' is not a 12-digit region code";
		}
		return null;
	}

	static String date(String v) {
		if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-' || !digits(v, 0, 4) || !digits(v, 5, 7)
				|| !digits(v, 8, 10)) {
			return "'" + v + "' is not a date (YYYY-MM-DD)";
		}
		return isDay(num(v, 0, 4), num(v, 5, 7), num(v, 8, 10)) ? null : "'" + v + "' is not a day of the calendar";
	}

	static String money(String v) {
		int dot = v.indexOf('.');
		int intEnd = dot < 0 ? v.length() : dot;
		if (v.startsWith("-")) {
			return "'" + v + "' is negative";
		}
		if (intEnd == 0 || intEnd > 12 || !digits(v, 0, intEnd)) {
			return "'" + v + "' is not an amount in yuan (e.g. 1234.50)";
		}
		if (dot >= 0) {
			int decimals = v.length() - dot - 1;
			if (!digits(v, dot + 1, v.length())) {
				return "'" + v + "' is not an amount in yuan (e.g. 1234.50)";
			}
			if (decimals == 0 || decimals > 2) {
				return "'" + v + "' has " + (decimals > 2 ? "more than 2 decimals" : "no decimals after the point");
			}
		}
		return null;
	}

	static String decimal(String v) {
		int start = v.startsWith("-") ? 1 : 0;
		int dot = v.indexOf('.');
		int intEnd = dot < 0 ? v.length() : dot;
		if (intEnd == start || intEnd - start > 15 || !digits(v, start, intEnd)
				|| (dot >= 0 && (dot == v.length() - 1 || !digits(v, dot + 1, v.length())))) {
			return "'" + v + "' is not a number";
		}
		return null;
	}

	static String integer(String v) {
		int start = v.startsWith("-") ? 1 : 0;
		if (v.length() == start || v.length() - start > 9 || !digits(v, start, v.length())) {
			return "'" + v + "' is not a whole number";
		}
		return null;
	}

	static String month(String v) {
		if (v.length() != 7 || v.charAt(4) != '-' || !digits(v, 0, 4) || !digits(v, 5, 7) || num(v, 5, 7) < 1
				|| num(v, 5, 7) > 12) {
			return "'" + v + "' is not a month (YYYY-MM)";
		}
		return null;
	}

	static String quarter(String v) {
		if (v.length() != 7 || v.charAt(4) != '-' || v.charAt(5) != 'Q' || !digits(v, 0, 4) || v.charAt(6) < '1'
				|| v.charAt(6) > '4') {
			return "'" + v + "' is not a quarter (YYYY-Qn)";
		}
		return null;
	}

	static String list(String v, boolean regions) {
		int from = 0;
		while (true) {
			int semi = v.indexOf(';', from);
			String part = v.substring(from, semi < 0 ? v.length() : semi);
			String problem = part.isEmpty() ? "has an empty element" : (regions ? regionCode(part) : id(part));
			if (problem != null) {
				return problem;
			}
			if (semi < 0) {
				return null;
			}
			from = semi + 1;
		}
	}

	/**
	 * GB 11643: 6 digits region, 8 digits birth date, 3 digits sequence, check character
	 * by ISO 7064 MOD 11-2.
	 */
	static String idNumber(String v) {
		if (v.length() != 18 || !digits(v, 0, 17)) {
			return "an ID number has 17 digits and a check character";
		}
		if (!isDay(num(v, 6, 10), num(v, 10, 12), num(v, 12, 14))) {
			return "the birth date in the ID number is not a day of the calendar";
		}
		char expected = IdentityCodes.idNumberCheck(v);
		if (Character.toUpperCase(v.charAt(17)) != expected) {
			return "the check character of the ID number is wrong (expected " + expected + ")";
		}
		return null;
	}

	/** GB 32100: 17 characters of the code alphabet and a check character, modulus 31. */
	static String creditCode(String v) {
		if (v.length() != 18) {
			return "a credit code has 18 characters";
		}
		for (int i = 0; i < 18; i++) {
			if (IdentityCodes.CREDIT_CHARS.indexOf(v.charAt(i)) < 0) {
				return "'" + v.charAt(i) + "' is not a character of credit codes";
			}
		}
		char expected = IdentityCodes.creditCodeCheck(v.substring(0, 17));
		if (v.charAt(17) != expected) {
			return "the check character of the credit code is wrong (expected " + expected + ")";
		}
		return null;
	}

	/**
	 * Whether the year, month and day name a day of the (proleptic Gregorian) calendar.
	 */
	static boolean isDay(int year, int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
	}

	private static boolean digits(String v, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int num(String v, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (v.charAt(i) - '0');
		}
		return n;
	}

}
