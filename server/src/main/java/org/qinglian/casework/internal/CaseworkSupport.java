package org.qinglian.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the clues, cases and events share: the user's scope (supervision staff only) and
 * its query parameters, recusal, the day, new ids, region names and the checks of texts.
 */
@Component
class CaseworkSupport {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final Registry registry;

	private final Clock clock;

	CaseworkSupport(JdbcClient jdbc, Scopes scopes, Registry registry, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.registry = registry;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Scope staff() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		return scope;
	}

	/** The scope's query parameters, with {@code :user} for joint-group membership. */
	Map<String, Object> params(Scope scope) {
		Map<String, Object> params = scope.parameters();
		params.put("user", scope.user());
		return params;
	}

	boolean recused(String personId, String region, String subject) {
		return personId != null && Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
			.params(personId, region, subject)
			.query(Boolean.class)
			.single());
	}

	/**
	 * Whether the person lives in the user's jurisdiction (one answer for any other id).
	 */
	boolean inScope(Scope scope, String personId) {
		return jdbc.sql("select region_code from jur_person where person_id = ?")
			.param(personId)
			.query(String.class)
			.optional()
			.map(scope::covers)
			.orElse(false);
	}

	/** A new id of a prefix and a sequence, past any id an import brought. */
	String nextId(String prefix, String sequence, int digits, LocalDate on, String table, String column) {
		for (int i = 0; i < 1000; i++) {
			String id = jdbc
				.sql("select ? || to_char(?::date, 'YYYY') || lpad(nextval('" + sequence + "')::text, " + digits
						+ ", '0')")
				.params(prefix, on)
				.query(String.class)
				.single();
			if (jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
				.param(id)
				.query(Long.class)
				.single() == 0) {
				return id;
			}
		}
		throw new IllegalStateException("no free id for " + table);
	}

	String name(String code) {
		return code == null ? "" : registry.regionName(code).orElse(code);
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String optional(String value, String field, int max) {
		String v = blank(value);
		if (v != null && v.length() > max) {
			throw new Refused("casework.refused.tooLong", field + " is longer than " + max + " characters", field, max);
		}
		return v;
	}

	static String text(String value, String field, int max) {
		String v = optional(value, field, max);
		if (v == null) {
			throw new Refused("casework.refused.empty", field + " must not be empty", field);
		}
		return v;
	}

}
