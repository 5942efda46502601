package org.qinglian.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encrypts personal data that must not be stored in clear (a reporter's identity), with
 * Google Tink. Every value is bound to where it is stored (table, column and the row's
 * key) as associated data, so that a ciphertext copied into another row or column does
 * not decrypt.
 * <ul>
 * <li>{@link #encrypt}/{@link #decrypt}: deterministic (AES-SIV), for values that a
 * re-import must find equal, so that re-importing changes nothing;</li>
 * <li>{@link #seal}/{@link #open}: randomised (AES-GCM), for everything else.</li>
 * </ul>
 * Decrypting is for the few places that may reveal, which audit it.
 */
public interface PersonalDataCipher {

	String encrypt(String plain, Place place);

	/**
	 * @throws UndecryptableException when the value was not encrypted for this place with
	 * a key of this installation
	 */
	String decrypt(String cipher, Place place);

	String seal(String plain, Place place);

	String open(String sealed, Place place);

	/**
	 * Where a value is stored: its associated data.
	 *
	 * @param table the table
	 * @param column the column
	 * @param rowKey the values of the row's key
	 */
	record Place(String table, String column, String... rowKey) {

		public byte[] associatedData() {
			StringBuilder sb = new StringBuilder();
			for (String part : parts()) {
				// length-prefixed, so that no two places share an encoding
				sb.append(part == null ? -1 : part.length()).append(':').append(part == null ? "" : part);
			}
			return sb.toString().getBytes(StandardCharsets.UTF_8);
		}

		private String[] parts() {
			String[] all = Arrays.copyOf(new String[] { table, column }, 2 + rowKey.length);
			System.arraycopy(rowKey, 0, all, 2, rowKey.length);
			return all;
		}

	}

	/** A value that does not decrypt here: another key, another place, or damaged. */
	class UndecryptableException extends RuntimeException {

		public UndecryptableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
