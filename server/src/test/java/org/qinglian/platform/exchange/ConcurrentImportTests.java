package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.QinglianApplication;
import org.qinglian.platform.db.ExternalPostgres;
import org.qinglian.platform.Exchange;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two bundles imported at once into an empty database, sharing their regions: the first
 * loads the empty tables directly, the second waits and merges, and neither loses a row.
 */
class ConcurrentImportTests {

	@TempDir
	Path tmp;

	@Test
	void twoImportsAtOnceIntoAnEmptyDatabaseBothLand() throws Exception {
		try (ExternalPostgres server = ExternalPostgres.start();
				var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
					.profiles("test")
					.properties(server.settings(server.createDatabase("concurrent")))
					.properties("qinglian.risk.scan-after-import=false")
					.run()) {
			Exchange exchange = context.getBean(Exchange.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String indexes = "select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = 'public'";
			String before = jdbc.sql(indexes).query(String.class).single();
			Path first = TestBundle.valid("CA").write(tmp.resolve("a"));
			Path second = TestBundle.valid("CB").write(tmp.resolve("b"));
			var pool = Executors.newFixedThreadPool(2);
			try {
				Future<Exchange.ImportReport> a = pool
					.submit(() -> exchange.importBundle(first, Exchange.Progress.NONE));
				Future<Exchange.ImportReport> b = pool
					.submit(() -> exchange.importBundle(second, Exchange.Progress.NONE));
				assertThat(a.get().rowsRead()).isEqualTo(TestBundle.VALID_ROWS);
				assertThat(b.get().rowsRead()).isEqualTo(TestBundle.VALID_ROWS);
			}
			finally {
				pool.shutdown();
			}
			assertThat(jdbc.sql("select count(*) from jur_region").query(Long.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("select count(*) from jur_person").query(Long.class).single()).isEqualTo(4);
			assertThat(jdbc.sql("select count(*) from ast_voucher").query(Long.class).single()).isEqualTo(4);
			assertThat(jdbc.sql(indexes).query(String.class).single()).as("keys and indexes built again")
				.isEqualTo(before);
		}
	}

}
