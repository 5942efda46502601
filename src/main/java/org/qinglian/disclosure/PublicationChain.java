package org.qinglian.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hashes of the publication log, written once for publishing and verifying (no
 * Spring, no database). A version's hash is the SHA-256 of its content (UTF-8); an act's
 * items hash is the SHA-256 of its versions' lines ({@code kind|record|version|hash\n},
 * in the order of kind and record); an act's hash covers the hash of the act before it,
 * its number, time, actor, region, reason, count and items hash, each field
 * length-prefixed so that no two acts encode alike. A sheet's hash is an items hash over
 * the versions it shows. The first act follows {@link #GENESIS}.
 */
public final class PublicationChain {

	/** The hash before the first act. */
	public static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private PublicationChain() {
	}

	/** The hash of a version's content. */
	public static String contentHash(String content) {
		MessageDigest md = sha256();
		return HexFormat.of().formatHex(md.digest(content.getBytes(StandardCharsets.UTF_8)));
	}

	/** The hash of an act: what the next act's {@code prev_hash} must be. */
	public static String actHash(String previous, long seq, Instant actedAt, String actor, String regionCode,
			String reason, int versions, String itemsHash) {
		StringBuilder b = new StringBuilder();
		for (String field : new String[] { previous, Long.toString(seq),
				AT.format(actedAt.truncatedTo(ChronoUnit.MICROS)), actor, regionCode, reason,
				Integer.toString(versions), itemsHash }) {
			if (field == null) {
				b.append("-;");
			}
			else {
				b.append(field.length()).append(':').append(field).append(';');
			}
		}
		return contentHash(b.toString());
	}

	/** The items hash of an act or a sheet, built line by line in order. */
	public static final class Items {

		private final MessageDigest md = sha256();

		private int count;

		public Items add(String kind, String recordId, int version, String contentHash) {
			md.update((kind + "|" + recordId + "|" + version + "|" + contentHash + "\n")
				.getBytes(StandardCharsets.UTF_8));
			count++;
			return this;
		}

		public int count() {
			return count;
		}

		public String hash() {
			return HexFormat.of().formatHex(md.digest());
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JDK has no SHA-256", ex);
		}
	}

}
