package org.qinglian.platform.config;

import java.util.Optional;

import org.qinglian.platform.Installation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcInstallation implements Installation {

	private final JdbcClient jdbc;

	JdbcInstallation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holdsData() {
		return jdbc.sql("select exists (select 1 from plt_import)").query(Boolean.class).single();
	}

	@Override
	public Optional<String> fact(String key) {
		return jdbc.sql("select value from plt_setting where key = ?").param(key).query(String.class).optional();
	}

	@Override
	public void recordFact(String key, String value) {
		jdbc.sql(
				"insert into plt_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")
			.params(key, value)
			.update();
	}

}
