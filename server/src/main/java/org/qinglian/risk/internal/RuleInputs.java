package org.qinglian.risk.internal;

import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinglian.risk.RiskRule;
import org.qinglian.risk.book.Rule;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a rule's findings are made of, read from the database's catalog: the tables whose
 * changes are counted that it reads (through the views it reads, and through the tables
 * derived from others, whose comment says {@code derived from: a, b}), and the
 * definitions of the views and functions it calls. A rule that reads a table neither
 * counted nor derived is not {@link #known()}: it runs over all at every scan.
 *
 * @param tables the counted tables it reads
 * @param known whether every table it reads is counted or derived from counted ones
 * @param definitions the views' and functions' definitions, for the rule's basis
 */
record RuleInputs(Set<String> tables, boolean known, String definitions) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final String DERIVED = "derived from:";

	static Map<String, RuleInputs> of(JdbcTemplate jdbc, Set<String> counted, List<RiskRule> rules) {
		Map<String, RuleInputs> inputs = new LinkedHashMap<>();
		for (RiskRule rule : rules) {
			inputs.put(rule.code(), of(jdbc, counted, rule));
		}
		return inputs;
	}

	private static RuleInputs of(JdbcTemplate jdbc, Set<String> counted, RiskRule rule) {
		Set<String> names = new TreeSet<>();
		Matcher m = NAME.matcher(rule.sql().replaceAll("--[^\n]*", ""));
		while (m.find()) {
			names.add(m.group());
		}
		Set<String> tables = new TreeSet<>();
		boolean known = true;
		StringBuilder definitions = new StringBuilder();
		Set<String> seen = new TreeSet<>();
		Deque<String> todo = new ArrayDeque<>(names);
		while (!todo.isEmpty()) {
			List<String> batch = List.copyOf(todo);
			todo.clear();
			batch = batch.stream().filter(seen::add).toList();
			if (batch.isEmpty()) {
				continue;
			}
			// the relations of these names, and every relation a view among them reads
			List<Relation> relations = jdbc.query(
					"""
							with recursive rel(oid) as (
							  select c.oid from pg_class c
							  where c.relnamespace = 'public'::regnamespace and c.relname = any(?)
							  union
							  select d.refobjid from rel join pg_rewrite w on w.ev_class = rel.oid
							  join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = w.oid
							   and d.refclassid = 'pg_class'::regclass and d.refobjid <> rel.oid)
							select c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
							       case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end
							from rel join pg_class c on c.oid = rel.oid order by 1""", (ResultSet rs,
							int i) -> new Relation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
					(Object) batch.toArray(String[]::new));
			for (Relation r : relations) {
				seen.add(r.name());
				if (r.view() != null) {
					definitions.append(r.name()).append(':').append(r.view()).append('\u0000');
				}
				else if (counted.contains(r.name())) {
					tables.add(r.name());
				}
				else if (r.comment() != null && r.comment().startsWith(DERIVED)) {
					for (String from : r.comment().substring(DERIVED.length()).strip().split("\\s*,\\s*")) {
						todo.add(from);
					}
				}
				else if (r.kind().equals("r") || r.kind().equals("p")) {
					known = false;
				}
			}
		}
		// the functions it calls, as the database defines them now
		List<String> called = Rule.FUNCTIONS.stream().filter(f -> rule.sql().contains(f + "(")).toList();
		jdbc.query("""
				select p.oid::regprocedure::text, pg_get_functiondef(p.oid) from pg_proc p
				where p.pronamespace = 'public'::regnamespace and p.proname = any(?) and p.prokind = 'f'
				order by 1""", (ResultSet rs) -> {
			definitions.append(rs.getString(1)).append(':').append(rs.getString(2)).append('\u0000');
		}, (Object) called.toArray(String[]::new));
		return new RuleInputs(Set.copyOf(tables), known, definitions.toString());
	}

	private record Relation(String name, String kind, String comment, String view) {
	}

}
