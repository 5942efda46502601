package org.qinglian.platform.exchange;

import java.util.TreeSet;

import org.qinglian.platform.ExchangeFile;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every table that imports load counts the transactions that change it
 * ({@code plt_count_changes}) from the start on, whoever writes it: so that an import can
 * tell a table that nothing changed since the last import from one that a page, a command
 * or another instance changed ({@link BundleImporter}).
 */
@Component
@Lazy(false)
class ChangeCounting implements SmartInitializingSingleton {

	private final ExchangeFiles files;

	private final JdbcClient jdbc;

	ChangeCounting(ExchangeFiles files, JdbcClient jdbc) {
		this.files = files;
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String table : new TreeSet<>(files.declared().stream().map(ExchangeFile::table).toList())) {
			jdbc.sql("select plt_count_changes(?)").param(table).query((rs, i) -> 1).list();
		}
	}

}
