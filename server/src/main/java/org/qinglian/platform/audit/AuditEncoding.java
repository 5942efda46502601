package org.qinglian.platform.audit;

import java.time.Instant;

import org.qinglian.platform.CanonicalEncoding;

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

	private AuditEncoding() {
	}

	static byte[] entry(long seq, Instant at, String actor, String action, String targetType, String targetId,
			String regionCode, String detail, String remoteAddr, String previousMac) {
		return CanonicalEncoding.encode("qinglian-audit-v2", Long.toString(seq), instant(at), actor, action, targetType,
				targetId, regionCode, detail, remoteAddr, previousMac);
	}

	/** The text a checkpoint's MAC covers. */
	static byte[] checkpoint(String installation, long seq, String headMac, Instant at) {
		return CanonicalEncoding.encode("qinglian-audit-checkpoint-v1", installation, Long.toString(seq), headMac,
				instant(at));
	}

	static String instant(Instant at) {
		return CanonicalEncoding.instant(at);
	}

}
