package org.qinglian.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the network's services share: checks of input, ids, names. */
@Component
class NetworkSupport {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final Registry registry;

	NetworkSupport(JdbcClient jdbc, Scopes scopes, Registry registry) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.registry = registry;
	}

	/** The signed-in user, who must have the permission. */
	Scope require(Role.Permission permission) {
		Scope scope = scopes.current();
		scope.require(permission);
		return scope;
	}

	String nextId(String prefix, String sequence, LocalDate on) {
		return jdbc.sql("select ? || to_char(?::date, 'YYYY') || lpad(nextval('" + sequence + "')::text, 5, '0')")
			.params(prefix, on)
			.query(String.class)
			.single();
	}

	String name(String code) {
		return code == null ? "" : registry.regionName(code).orElse(code);
	}

	/**
	 * A region of the user's jurisdiction at a level; refused naming the field otherwise.
	 */
	String region(Scope scope, String code, String field, String level) {
		String c = code == null ? "" : code.strip();
		boolean ok = c.matches("\\d{12}") && scope.covers(c)
				&& jdbc.sql("select count(*) from jur_region where region_code = ? and level = ?")
					.params(c, level)
					.query(Long.class)
					.single() == 1;
		Refused.unless(ok, field, "network.refused." + level);
		return c;
	}

	/** The villages of a township, for checking a list of them. */
	boolean villagesOf(String townshipCode, Collection<String> villages) {
		if (villages.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
					select count(*) from jur_region where level = 'village' and parent_code = :township
				and region_code in (:codes)""")
			.param("township", townshipCode)
			.param("codes", List.copyOf(villages))
			.query(Long.class)
			.single() == villages.size();
	}

	static String text(String value, String field, int max) {
		String v = optional(value, field, max);
		Refused.unless(v != null, field, "network.refused.empty");
		return v;
	}

	static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		Refused.unless(v.length() <= max, field, "network.refused.long");
		Refused.unless(v.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'),
				field, "network.refused.control");
		return v;
	}

	static String oneOf(String value, String field, List<String> allowed) {
		Refused.unless(value != null && allowed.contains(value), field, "network.refused.choice");
		return value;
	}

	static LocalDate date(LocalDate value, String field) {
		Refused.unless(value != null && value.getYear() >= 1990 && value.getYear() <= 2100, field,
				"network.refused.date");
		return value;
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
