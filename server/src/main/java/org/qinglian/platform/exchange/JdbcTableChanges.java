package org.qinglian.platform.exchange;

import java.util.Arrays;
import java.util.List;

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

}
