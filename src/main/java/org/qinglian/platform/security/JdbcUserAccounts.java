package org.qinglian.platform.security;

import java.util.List;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.platform.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcUserAccounts implements UserAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Scopes scopes;

	private final Registry registry;

	JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Scopes scopes, Registry registry) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.scopes = scopes;
	}

	@Override
	@Transactional
	public void save(NewUser u) {
		if (SecurityContextHolder.getContext().getAuthentication() != null) {
			Scope scope = scopes.current();
			scope.require(Role.Permission.MANAGE_USERS);
			scope.requireCovers(u.regionCode());
		}
		if (u.role() == null) {
			throw new IllegalArgumentException("role: required");
		}
		if (u.username() == null || !u.username().matches("[a-z0-9_.-]{3,64}")) {
			throw new IllegalArgumentException("username: 3 to 64 of a-z, 0-9, '_', '.', '-'");
		}
		if (u.password() == null || u.password().length() < 10) {
			throw new IllegalArgumentException("password: at least 10 characters");
		}
		if (u.displayName() == null || u.displayName().isBlank()) {
			throw new IllegalArgumentException("displayName: required");
		}
		if (registry.regionName(u.regionCode()).isEmpty()) {
			throw new IllegalArgumentException("regionCode: '" + u.regionCode() + "' is not a region of the county");
		}
		String personId = u.personId() == null || u.personId().isBlank() ? null : u.personId().strip();
		if (personId != null && !registry.personExists(personId)) {
			throw new IllegalArgumentException("personId: '" + personId + "' is not a person of the county");
		}
		jdbc.sql("""
				insert into plt_user (username, display_name, password_hash, role, region_code, person_id)
				values (?, ?, ?, ?, ?, ?)
				on conflict (username) do update set display_name = excluded.display_name,
				  password_hash = excluded.password_hash, role = excluded.role, region_code = excluded.region_code,
				  person_id = excluded.person_id""")
			.params(u.username(), u.displayName(), encoder.encode(u.password()), u.role().code(), u.regionCode(),
					personId)
			.update();
		audit.record("save_user", "user", u.username(), u.regionCode(), "role " + u.role().code());
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserView> list() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.MANAGE_USERS);
		return jdbc.sql("""
				select u.username, u.display_name, u.role, u.region_code, u.enabled
				from plt_user u where u.region_code like ? order by u.region_code, u.username""")
			.param(scope.pattern())
			.query((rs, i) -> new UserView(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4),
					registry.regionName(rs.getString(4)).orElse(""), rs.getBoolean(5)))
			.list();
	}

	@Override
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.MANAGE_USERS);
		int n = jdbc.sql("update plt_user set enabled = ? where username = ? and region_code like ?")
			.params(enabled, username, scope.pattern())
			.update();
		if (n == 0) {
			throw new Scope.NotInScopeException();
		}
		audit.record(enabled ? "enable_user" : "disable_user", "user", username, null, null);
	}

	@Override
	public boolean anyUser() {
		return jdbc.sql("select exists (select 1 from plt_user)").query(Boolean.class).single();
	}

}
