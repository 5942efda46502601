package org.qinglian.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The canonical encoding an audit entry's MAC is computed over, so that no two different
 * entries encode alike: <pre>
 * "qinglian-audit-v2" 0x00
 * for each of seq, at, actor, action, target_type, target_id, region_code, detail,
 *     remote_addr, previous MAC:
 *   0x00                                   when the value is NULL
 *   0x01, length (4 bytes, big-endian), UTF-8 bytes   otherwise (so "" is 0x01 00 00 00 00)
 * </pre> {@code seq} is written in decimal, {@code at} as an ISO-8601 UTC instant with
 * microseconds ({@code 2026-11-30T07:14:44.123456Z}), the previous MAC in base64 (NULL
 * for the first entry).
 */
final class AuditEncoding {

	private static final byte[] DOMAIN = "qinglian-audit-v2\0".getBytes(StandardCharsets.US_ASCII);

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditEncoding() {
	}

	static byte[] entry(long seq, Instant at, String actor, String action, String targetType, String targetId,
			String regionCode, String detail, String remoteAddr, String previousMac) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.writeBytes(DOMAIN);
		for (String field : new String[] { Long.toString(seq), instant(at), actor, action, targetType, targetId,
				regionCode, detail, remoteAddr, previousMac }) {
			field(out, field);
		}
		return out.toByteArray();
	}

	/** The text a checkpoint's MAC covers. */
	static byte[] checkpoint(String installation, long seq, String headMac, Instant at) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		out.writeBytes("qinglian-audit-checkpoint-v1\0".getBytes(StandardCharsets.US_ASCII));
		for (String field : new String[] { installation, Long.toString(seq), headMac, instant(at) }) {
			field(out, field);
		}
		return out.toByteArray();
	}

	static String instant(Instant at) {
		return AT.format(at.truncatedTo(ChronoUnit.MICROS));
	}

	private static void field(ByteArrayOutputStream out, String value) {
		if (value == null) {
			out.write(0);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.write(1);
		out.write(bytes.length >>> 24);
		out.write(bytes.length >>> 16);
		out.write(bytes.length >>> 8);
		out.write(bytes.length);
		out.writeBytes(bytes);
	}

}
