package org.qinglian.platform.security;

import java.util.List;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.platform.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users in {@code plt_user}. Without a signed-in user (a command of the jar, run by the
 * operating-system account that owns the installation) an account may be created; every
 * other change is an administrator's, within their jurisdiction.
 */
@Service
class JdbcUserAccounts implements UserAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Scopes scopes;

	private final Registry registry;

	private final UserSessions sessions;

	private final SignInAttempts attempts;

	JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Scopes scopes, Registry registry,
			UserSessions sessions, SignInAttempts attempts) {
		this.attempts = attempts;
		this.registry = registry;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.scopes = scopes;
		this.sessions = sessions;
	}

	private static boolean signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
	}

	/** The administrator's scope; {@code null} for a command of the jar. */
	private Scope administrator() {
		if (!signedIn()) {
			return null;
		}
		Scope scope = scopes.current();
		scope.require(Role.Permission.MANAGE_USERS);
		return scope;
	}

	@Override
	@Transactional
	public void create(NewUser u) {
		Scope admin = administrator();
		if (u.username() == null || !u.username().matches("[a-z0-9_.-]{3,64}")) {
			throw new AccountException("username", "username: 3 to 64 of a-z, 0-9, '_', '.', '-'");
		}
		String regionCode = checkedRegion(u.regionCode(), admin);
		checkRole(u.role());
		checkRoleGrant(u.role(), admin);
		String displayName = checkedDisplayName(u.displayName());
		PasswordPolicy.check(u.username(), u.password());
		String personId = checkedPerson(u.personId());
		boolean mustChange = admin != null || u.mustChangePassword();
		int n = jdbc.sql("""
				insert into plt_user (username, display_name, password_hash, role, region_code, person_id,
				                      must_change_password)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing""")
			.params(u.username(), displayName, encoder.encode(u.password()), u.role().code(), regionCode, personId,
					mustChange)
			.update();
		if (n == 0) {
			throw new AccountException("username.taken", "username: '" + u.username() + "' is taken", u.username());
		}
		audit.record("create_user", "user", u.username(), regionCode, "role " + u.role().code());
	}

	@Override
	@Transactional
	public void update(String username, Change change) {
		Scope admin = requireAdministrator();
		requireNotSelf(username, admin);
		requireManaged(username, admin);
		String regionCode = checkedRegion(change.regionCode(), admin);
		checkRole(change.role());
		checkRoleGrant(change.role(), admin);
		String displayName = checkedDisplayName(change.displayName());
		String personId = checkedPerson(change.personId());
		String before = jdbc
			.sql("select role || ' ' || region_code || ' ' || coalesce(person_id, '-') from plt_user "
					+ "where username = ?")
			.param(username)
			.query(String.class)
			.single();
		jdbc.sql("""
				update plt_user set display_name = ?, role = ?, region_code = ?, person_id = ?, changed_at = now()
				where username = ?""")
			.params(displayName, change.role().code(), regionCode, personId, username)
			.update();
		sessions.end(username);
		audit.record("update_user", "user", username, regionCode, "role region person: " + before + " -> "
				+ change.role().code() + " " + regionCode + " " + (personId == null ? "-" : personId));
	}

	@Override
	@Transactional
	public void resetPassword(String username, String password) {
		Scope admin = requireAdministrator();
		requireNotSelf(username, admin);
		requireManaged(username, admin);
		PasswordPolicy.check(username, password);
		jdbc.sql("update plt_user set password_hash = ?, must_change_password = true, changed_at = now() "
				+ "where username = ?")
			.params(encoder.encode(password), username)
			.update();
		sessions.end(username);
		audit.record("reset_password", "user", username, null, null);
	}

	@Override
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		if (!signedIn()) {
			throw new AccountException("signedOut", "not signed in");
		}
		String username = SecurityContextHolder.getContext().getAuthentication().getName();
		String hash = jdbc.sql("select password_hash from plt_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		if (!attempts.locked(username, null).isZero()) {
			throw new AccountException("password.locked", "too many wrong passwords: try again later");
		}
		if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
			// guessing the current password counts as guessing it at the sign-in
			attempts.failed(username, null);
			audit.recordAs(username, "change_password_failed", "user", username, null, null);
			throw new AccountException("password.current.wrong", "current password: wrong");
		}
		if (currentPassword.equals(newPassword)) {
			throw new AccountException("password.same", "password: choose another password than the current one");
		}
		PasswordPolicy.check(username, newPassword);
		jdbc.sql("update plt_user set password_hash = ?, must_change_password = false, changed_at = now() "
				+ "where username = ?")
			.params(encoder.encode(newPassword), username)
			.update();
		// every session of the account ends, the one that changed it too
		sessions.end(username);
		audit.record("change_password", "user", username, null, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserView> list() {
		Scope scope = requireAdministrator();
		return jdbc.sql("""
				select u.username, u.display_name, u.role, u.region_code, u.enabled
				from plt_user u where u.region_code like ? order by u.region_code, u.username""")
			.param(scope.pattern())
			.query((rs, i) -> new UserView(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4),
					registry.regionName(rs.getString(4)).orElse(""), rs.getBoolean(5)))
			.list();
	}

	@Override
	public List<Colleague> colleagues(String officeCode) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		List<String> roles = java.util.Arrays.stream(Role.values())
			.filter(r -> r.can(Role.Permission.READ_SUPERVISION))
			.map(Role::code)
			.toList();
		return jdbc.sql("""
				select username, display_name, person_id from plt_user
				where region_code = :office and enabled and role in (:roles) order by username""")
			.param("office", officeCode)
			.param("roles", roles)
			.query((rs, i) -> new Colleague(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Override
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		Scope admin = requireAdministrator();
		requireManaged(username, admin);
		if (!enabled && username.equals(admin.user())) {
			throw new AccountException("disableSelf", "you cannot disable your own account");
		}
		jdbc.sql("update plt_user set enabled = ?, changed_at = now() where username = ?")
			.params(enabled, username)
			.update();
		if (!enabled) {
			sessions.end(username);
		}
		audit.record(enabled ? "enable_user" : "disable_user", "user", username, null, null);
	}

	@Override
	public boolean anyUser() {
		return jdbc.sql("select exists (select 1 from plt_user)").query(Boolean.class).single();
	}

	@Override
	public boolean exists(String username) {
		return jdbc.sql("select exists (select 1 from plt_user where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	/**
	 * An administrator does not change their own account here (their role, jurisdiction
	 * or person, and so their recusal, are another administrator's to change; their
	 * password is changed on their own account page).
	 */
	private static void requireNotSelf(String username, Scope admin) {
		if (username.equals(admin.user())) {
			throw new AccountException("self", "an administrator does not change their own account here");
		}
	}

	private Scope requireAdministrator() {
		Scope admin = administrator();
		if (admin == null) {
			throw new AccessDeniedException("not signed in");
		}
		return admin;
	}

	/** The user exists and the administrator's jurisdiction covers theirs. */
	private void requireManaged(String username, Scope admin) {
		String region = jdbc.sql("select region_code from plt_user where username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElseThrow(Scope.NotInScopeException::new);
		admin.requireCovers(region);
	}

	private String checkedRegion(String regionCode, Scope admin) {
		if (regionCode == null || registry.regionName(regionCode).isEmpty()) {
			throw new AccountException("region", "regionCode: '" + regionCode + "' is not a region of the county",
					regionCode);
		}
		if (admin != null && !admin.covers(regionCode)) {
			throw new AccountException("region.outside",
					"regionCode: '" + regionCode + "' is outside your jurisdiction", regionCode);
		}
		return regionCode;
	}

	private static void checkRole(Role role) {
		if (role == null) {
			throw new AccountException("role", "role: required");
		}
	}

	/**
	 * Only an administrator of the whole county makes administrators: one of a township
	 * could otherwise make a second account of their own without their recusal.
	 */
	private static void checkRoleGrant(Role role, Scope admin) {
		if (admin != null && role.can(Role.Permission.MANAGE_USERS) && !admin.regionCode().endsWith("000000")) {
			throw new AccountException("role.admin", "role: only a county administrator makes administrators");
		}
	}

	private static String checkedDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw new AccountException("displayName", "displayName: required");
		}
		String name = displayName.strip();
		if (name.codePointCount(0, name.length()) > 100) {
			throw new AccountException("displayName.long", "displayName: at most 100 characters");
		}
		return name;
	}

	private String checkedPerson(String personId) {
		String id = personId == null || personId.isBlank() ? null : personId.strip();
		if (id != null && !registry.personExists(id)) {
			throw new AccountException("person", "personId: '" + id + "' is not a person of the county", id);
		}
		return id;
	}

}
