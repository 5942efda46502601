package org.qinglian.platform;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

/**
 * The part of the county tree a user may see: their region and everything below it.
 * Region codes are hierarchical (6 digits county, 3 township, 3 village), so the subtree
 * is a prefix and scoping a query is the one predicate {@code region_code like :prefix}.
 *
 * @param user the user
 * @param role their role
 * @param regionCode the root of their subtree
 * @param personId the person the user is in the county's registry, if known: the subject
 * of recusal (回避)
 */
public record Scope(String user, Role role, String regionCode, String personId) {

	public Scope(String user, Role role, String regionCode) {
		this(user, role, regionCode, null);
	}

	/**
	 * The code prefix every region of the subtree starts with, for
	 * {@code like prefix || '%'}.
	 */
	public String prefix() {
		if (regionCode.endsWith("000000")) {
			return regionCode.substring(0, 6);
		}
		if (regionCode.endsWith("000")) {
			return regionCode.substring(0, 9);
		}
		return regionCode;
	}

	/** The {@code like} pattern of the subtree. */
	public String pattern() {
		return prefix() + "%";
	}

	/**
	 * The {@code like} pattern of the subtree under {@code code}, a region within this
	 * scope or not.
	 */
	public static String patternOf(String code) {
		return new Scope("", Role.AUDITOR, code).pattern();
	}

	/** The code prefix of the subtree under {@code code}. */
	public static String prefixOf(String code) {
		return new Scope("", Role.AUDITOR, code).prefix();
	}

	/**
	 * The named parameters of a query scoped to this user: {@code :scope} (the
	 * {@code like} pattern of the user's subtree) and {@code :me} (the user's person id,
	 * for recusal; null when the user is none of the registry's people).
	 */
	public Map<String, Object> parameters() {
		Map<String, Object> params = new HashMap<>();
		params.put("scope", pattern());
		params.put("me", personId);
		return params;
	}

	/**
	 * The same with {@code :subtree}, the pattern of a region that must be within this
	 * scope.
	 * @throws NotInScopeException when it is not
	 */
	public Map<String, Object> parametersUnder(String regionCode) {
		requireCovers(regionCode);
		Map<String, Object> params = parameters();
		params.put("subtree", patternOf(regionCode));
		return params;
	}

	public boolean covers(String code) {
		return code != null && code.startsWith(prefix());
	}

	public boolean can(Role.Permission permission) {
		return role.can(permission);
	}

	/**
	 * @throws NotInScopeException when the region is outside the subtree, so that the
	 * caller answers as if the record did not exist
	 */
	public void requireCovers(String code) {
		if (!covers(code)) {
			throw new NotInScopeException();
		}
	}

	/**
	 * @throws AccessDeniedException when the role does not have the permission
	 */
	public void require(Role.Permission permission) {
		if (!can(permission)) {
			throw new AccessDeniedException("not permitted: " + permission);
		}
	}

	/**
	 * A record outside the user's jurisdiction: answered like one that does not exist
	 * (404).
	 */
	public static class NotInScopeException extends RuntimeException {

		public NotInScopeException() {
			super("not found");
		}

	}

}
