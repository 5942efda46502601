package org.qinglian.platform.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.qinglian.platform.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user: their role and the region their jurisdiction starts at; whether they
 * must choose a new password before anything else; when the account last changed, read
 * with the password it signed in with (a session whose account changed since ends).
 */
record StaffUser(String username, String displayName, String passwordHash, Role role, String regionCode,
		boolean enabled, String personId, boolean mustChangePassword, Instant changedAt) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/**
	 * Sessions are told apart by username, so that a changed account's sessions are
	 * found.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof StaffUser u && u.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	/**
	 * The user as a session keeps them: without the password's hash (sessions are kept in
	 * the database, where the hash has no business).
	 */
	StaffUser withoutPassword() {
		return new StaffUser(username, displayName, null, role, regionCode, enabled, personId, mustChangePassword,
				changedAt);
	}

	@Override
	public String toString() {
		return "StaffUser[" + username + "]";
	}

}
