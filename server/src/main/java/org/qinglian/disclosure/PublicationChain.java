package org.qinglian.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import org.qinglian.platform.CanonicalEncoding;

/**
 * The hashes of the publication log, written once for publishing and verifying (no
 * Spring, no database). A version's hash is the SHA-256 of its content (UTF-8); an act's
 * items hash is the SHA-256 of its versions, each as its kind, record, version, region,
 * month, day published, reason and content hash in the platform's
 * {@link CanonicalEncoding}, in the byte order of kind and record; an act's hash covers,
 * in that encoding, the hash of the act before it, its number, time, actor, region,
 * reason, count and items hash. A sheet's hash is an items hash over the versions it
 * shows. The first act follows {@link #GENESIS}.
 */
public final class PublicationChain {

	/** The hash before the first act. */
	public static final String GENESIS = "0".repeat(64);

	private PublicationChain() {
	}

	/** The hash of a version's content. */
	public static String contentHash(String content) {
		return HexFormat.of().formatHex(sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
	}

	/** The hash of an act: what the next act's {@code prev_hash} must be. */
	public static String actHash(String previous, long seq, Instant actedAt, String actor, String regionCode,
			String reason, int versions, String itemsHash) {
		return HexFormat.of()
			.formatHex(sha256().digest(CanonicalEncoding.encode("qinglian-publication-act-v1", previous,
					Long.toString(seq), CanonicalEncoding.instant(actedAt), actor, regionCode, reason,
					Integer.toString(versions), itemsHash)));
	}

	/** The items hash of an act or a sheet, built version by version in order. */
	public static final class Items {

		private final MessageDigest md = sha256();

		private int count;

		/**
		 * Adds a version: every column of it but its content, which its hash stands for.
		 */
		public Items add(String kind, String recordId, int version, String regionCode, String month,
				LocalDate publishedOn, String reason, String contentHash) {
			md.update(CanonicalEncoding.encode("qinglian-publication-version-v1", kind, recordId,
					Integer.toString(version), regionCode, month, publishedOn == null ? null : publishedOn.toString(),
					reason, contentHash));
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
