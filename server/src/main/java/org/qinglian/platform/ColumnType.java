package org.qinglian.platform;

/**
 * The kinds of value a column of a QDX file holds; each names the check the importer
 * applies.
 */
public enum ColumnType {

	/** An opaque id of at most 64 characters. */
	ID,
	/** Free text. */
	TEXT,
	/** A lower_snake_case code from a vocabulary. */
	CODE,
	/** A 12-digit statistical division code. */
	REGION_CODE,
	/** {@code YYYY-MM-DD}. */
	DATE,
	/** Decimal yuan with at most two decimals, not negative. */
	MONEY,
	/** A decimal number. */
	DECIMAL,
	/** A whole number. */
	INTEGER,
	/** {@code true} or {@code false}. */
	BOOLEAN,
	/** An 18-character resident ID number (GB 11643) with its check character. */
	ID_NUMBER,
	/**
	 * A resident ID number as another department recorded it (QDX 1.1): an old 15-digit
	 * number, or 17 digits and a check character that may be wrong.
	 */
	ID_NUMBER_AS_RECEIVED,
	/** An 18-character unified social credit code (GB 32100) with its check character. */
	CREDIT_CODE,
	/** A month, {@code YYYY-MM}. */
	MONTH,
	/** A quarter, {@code YYYY-Qn}. */
	QUARTER,
	/** Ids joined by {@code ;}. */
	ID_LIST,
	/** Region codes joined by {@code ;}. */
	REGION_LIST;

	/** The most characters an {@link #ID} has. */
	public static final int ID_LENGTH = 64;

	/**
	 * Whether the text is a well-formed {@link #ID}: 1 to {@value #ID_LENGTH} characters,
	 * no spaces, control characters or {@code ;} (which separates the ids of a list).
	 */
	public static boolean isId(String v) {
		if (v == null || v.isEmpty() || v.length() > ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c <= ' ' || c == ';') {
				return false;
			}
		}
		return true;
	}

}
