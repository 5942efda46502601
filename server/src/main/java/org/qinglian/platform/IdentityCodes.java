package org.qinglian.platform;

/**
 * Check characters of the resident ID number (GB 11643, ISO 7064 MOD 11-2) and of the
 * unified social credit code (GB 32100, modulus 31).
 */
public final class IdentityCodes {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** The 31 characters a credit code is written in (no I, O, Z, S, V). */
	public static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private IdentityCodes() {
	}

	/** The check character of an ID number's first 17 digits. */
	public static char idNumberCheck(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK[sum % 11];
	}

	/**
	 * The check character of a credit code's first 17 characters (all of
	 * {@link #CREDIT_CHARS}).
	 */
	public static char creditCodeCheck(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		return CREDIT_CHARS.charAt((31 - sum % 31) % 31);
	}

}
