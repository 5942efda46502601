package org.qinglian.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The type of an uploaded photo or document read from its first bytes, never from its
 * name: JPEG, PNG or PDF, the files villagers and village cadres send.
 */
public final class FileTypes {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private FileTypes() {
	}

	/** The media type by the content, or {@code null} if it is none of the three. */
	public static String mediaType(byte[] content) {
		if (startsWith(content, JPEG)) {
			return "image/jpeg";
		}
		if (startsWith(content, PNG)) {
			return "image/png";
		}
		if (startsWith(content, PDF)) {
			return "application/pdf";
		}
		return null;
	}

	/** The SHA-256 of a file, in hex: how files are stored once. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
