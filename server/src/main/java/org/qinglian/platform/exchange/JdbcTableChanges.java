package org.qinglian.platform.exchange;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.platform.TableChanges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link TableChanges} over {@code plt_table_change}: a table's stamp is the database it
 * is in, the count of the transactions that changed it and the last of them. Stamps are
 * kept in {@code plt_derived_stamp}, which a backup leaves out, so that a restored
 * database derives everything again once.
 */
@Component
class JdbcTableChanges implements TableChanges {

	private final JdbcClient jdbc;

	JdbcTableChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String stamp(String... tables) {
		List<String> sorted = Arrays.stream(tables).sorted().toList();
		return jdbc.sql("""
				select (select oid from pg_database where datname = current_database()) || '|' || string_agg(
				  t || ':' || coalesce((select count(*) || ':' || max(xact::text::numeric)
				                        from plt_table_change c where c.table_name = t), '0'), '|' order by t)
				from unnest(cast(? as text[])) t""").param(sorted.toArray(String[]::new)).query(String.class).single();
	}

	@Override
	public Map<String, String> stamps(Collection<String> tables) {
		Map<String, String> stamps = new LinkedHashMap<>();
		jdbc.sql("""
				select t, (select oid from pg_database where datname = current_database()) || '|' || t || ':'
				          || coalesce((select count(*) || ':' || max(xact::text::numeric)
				                       from plt_table_change c where c.table_name = t), '0')
				from unnest(cast(? as text[])) t order by 1""")
			.param(tables.toArray(String[]::new))
			.query((ResultSet rs) -> {
				stamps.put(rs.getString(1), rs.getString(2));
			});
		return stamps;
	}

	@Override
	public Map<String, String> keptStartingWith(String prefix) {
		Map<String, String> kept = new LinkedHashMap<>();
		jdbc.sql("select name, stamp from plt_derived_stamp where starts_with(name, ?)")
			.param(prefix)
			.query((ResultSet rs) -> {
				kept.put(rs.getString(1), rs.getString(2));
			});
		return kept;
	}

	@Override
	public String kept(String name) {
		return jdbc.sql("select stamp from plt_derived_stamp where name = ?")
			.param(name)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Override
	public void keep(String name, String stamp) {
		jdbc.sql("""
				insert into plt_derived_stamp (name, stamp) values (?, ?)
				on conflict (name) do update set stamp = excluded.stamp""").params(name, stamp).update();
	}

	@Override
	public Set<String> counted() {
		return new LinkedHashSet<>(jdbc.sql("""
				select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
				where t.tgname = 'plt_count_change' and c.relnamespace = 'public'::regnamespace order by 1""")
			.query(String.class)
			.list());
	}

	@Override
	public String snapshot() {
		return jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
	}

	@Override
	public Map<String, Optional<Set<String>>> changedSince(String snapshot, Collection<String> tables) {
		Map<String, Optional<Set<String>>> changed = new LinkedHashMap<>();
		jdbc.sql("""
				select c.table_name, bool_and(exists (select 1 from plt_change_region r
				                                      where r.table_name = c.table_name and r.xact = c.xact)),
				       (select array_agg(distinct r.region_code) from plt_change_region r
				        where r.table_name = c.table_name and r.region_code <> ''
				          and r.xact >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
				          and not pg_visible_in_snapshot(r.xact, cast(:snapshot as pg_snapshot)))
				from plt_table_change c
				where c.table_name = any(cast(:tables as text[]))
				  and c.xact >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
				  and not pg_visible_in_snapshot(c.xact, cast(:snapshot as pg_snapshot))
				group by c.table_name order by 1""")
			.param("snapshot", snapshot)
			.param("tables", tables.toArray(String[]::new))
			.query((ResultSet rs) -> {
				Set<String> regions = new LinkedHashSet<>();
				java.sql.Array array = rs.getArray(3);
				if (array != null) {
					regions.addAll(Arrays.asList((String[]) array.getArray()));
				}
				changed.put(rs.getString(1), rs.getBoolean(2) ? Optional.of(regions) : Optional.empty());
			});
		return changed;
	}

}
