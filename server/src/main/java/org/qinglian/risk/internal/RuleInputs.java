package org.qinglian.risk.internal;

import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
		// what every name reaches, read for all rules at once (a few queries a scan)
		Map<RiskRule, Set<String>> names = new LinkedHashMap<>();
		Set<String> all = new TreeSet<>();
		for (RiskRule rule : rules) {
			Set<String> mine = new TreeSet<>();
			Matcher m = NAME.matcher(rule.sql().replaceAll("--[^\n]*", ""));
			while (m.find()) {
				mine.add(m.group());
			}
			names.put(rule, mine);
			all.addAll(mine);
		}
		Map<String, List<Relation>> reach = new HashMap<>();
		reach(jdbc, all, reach);
		Map<String, String> functions = new HashMap<>();
		jdbc.query("""
				select p.proname, string_agg(p.oid::regprocedure::text || ':' || pg_get_functiondef(p.oid), ' | '
				                             order by p.oid::regprocedure::text)
				from pg_proc p
				where p.pronamespace = 'public'::regnamespace and p.proname = any(?) and p.prokind = 'f'
				group by p.proname""", (ResultSet rs) -> {
			functions.put(rs.getString(1), rs.getString(2));
		}, (Object) Rule.FUNCTIONS.toArray(String[]::new));
		Map<String, RuleInputs> inputs = new LinkedHashMap<>();
		for (RiskRule rule : rules) {
			Set<String> tables = new TreeSet<>();
			Set<String> views = new TreeSet<>();
			boolean known = true;
			Set<String> seen = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(names.get(rule));
			while (!todo.isEmpty()) {
				String name = todo.pop();
				if (!seen.add(name)) {
					continue;
				}
				if (!reach.containsKey(name)) {
					reach(jdbc, Set.of(name), reach);
				}
				for (Relation r : reach.get(name)) {
					if (r.view() != null) {
						views.add(r.name() + ':' + r.view());
					}
					else if (counted.contains(r.name())) {
						tables.add(r.name());
					}
					else if (r.comment() != null && r.comment().startsWith(DERIVED)) {
						todo.addAll(List.of(r.comment().substring(DERIVED.length()).strip().split("\\s*,\\s*")));
					}
					else if (r.kind().equals("r") || r.kind().equals("p")) {
						known = false;
					}
				}
			}
			// the functions it calls, as the database defines them now
			StringBuilder definitions = new StringBuilder(String.join("\u0000", views));
			Rule.FUNCTIONS.stream()
				.filter(f -> rule.sql().contains(f + "("))
				.sorted()
				.forEach(f -> definitions.append('\u0000').append(functions.getOrDefault(f, f + ": none")));
			inputs.put(rule.code(), new RuleInputs(Set.copyOf(tables), known, definitions.toString()));
		}
		return inputs;
	}

	/**
	 * Adds to {@code reach} what each name reaches: its relation (none if it names none)
	 * and every relation a view among them reads.
	 */
	private static void reach(JdbcTemplate jdbc, Set<String> names, Map<String, List<Relation>> reach) {
		names.forEach(n -> reach.putIfAbsent(n, new ArrayList<>()));
		jdbc.query("""
				with recursive rel(root, oid) as (
				  select c.relname::text, c.oid from pg_class c
				  where c.relnamespace = 'public'::regnamespace and c.relname = any(?)
				  union
				  select rel.root, d.refobjid from rel join pg_rewrite w on w.ev_class = rel.oid
				  join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = w.oid
				   and d.refclassid = 'pg_class'::regclass and d.refobjid <> rel.oid)
				select rel.root, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
				       case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end
				from rel join pg_class c on c.oid = rel.oid order by 1, 2""", (ResultSet rs) -> {
			reach.get(rs.getString(1))
				.add(new Relation(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
		}, (Object) names.toArray(String[]::new));
	}

	private record Relation(String name, String kind, String comment, String view) {
	}

}
