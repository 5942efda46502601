package org.qinglian.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The encoding a MAC or a hash is computed over, so that no two different records encode
 * alike: <pre>
 * domain (ASCII) 0x00
 * for each field:
 *   0x00                                              when the value is NULL
 *   0x01, length (4 bytes, big-endian), UTF-8 bytes   otherwise (so "" is 0x01 00 00 00 00)
 * </pre> The domain names what is encoded (an audit entry, a checkpoint, a published
 * version...), so that one kind of record never stands for another. Instants are written
 * as ISO-8601 UTC with microseconds ({@code 2026-11-30T07:14:44.123456Z}).
 */
public final class CanonicalEncoding {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private CanonicalEncoding() {
	}

	/** The fields under their domain. */
	public static byte[] encode(String domain, String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		out.writeBytes(domain.getBytes(StandardCharsets.US_ASCII));
		out.write(0);
		for (String field : fields) {
			if (field == null) {
				out.write(0);
				continue;
			}
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			out.write(1);
			out.write(bytes.length >>> 24);
			out.write(bytes.length >>> 16);
			out.write(bytes.length >>> 8);
			out.write(bytes.length);
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

	/** An instant as the encoding writes it. */
	public static String instant(Instant at) {
		return AT.format(at.truncatedTo(ChronoUnit.MICROS));
	}

}
