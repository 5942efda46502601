package org.qinglian.platform.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.qinglian.platform.Exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The platform's {@link Exchange}: the importer and the exporter behind one API. */
@Service
class ExchangeService implements Exchange {

	private final BundleImporter importer;

	private final BundleExporter exporter;

	private final JdbcClient jdbc;

	ExchangeService(BundleImporter importer, BundleExporter exporter, JdbcClient jdbc) {
		this.importer = importer;
		this.exporter = exporter;
		this.jdbc = jdbc;
	}

	@Override
	public boolean awaitFollowUps(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			// a failed listener leaves its publication for the event-retries job to
			// resubmit later: no use waiting for it
			long open = jdbc.sql("""
					select count(*) from event_publication
					where completion_date is null and coalesce(status, 'PUBLISHED') <> 'FAILED'""")
				.query(Long.class)
				.single();
			if (open == 0) {
				return jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
					.query(Long.class)
					.single() == 0;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	@Override
	public DataPeriod dataPeriod() {
		return jdbc
			.sql("""
					select coalesce(min(period_from), current_date), coalesce(max(period_to), current_date) from plt_import""")
			.query((rs, i) -> new DataPeriod(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
			.single();
	}

	@Override
	public ImportReport importBundle(Path bundle, Progress progress) {
		return importer.importBundle(bundle, progress);
	}

	@Override
	public ExportReport exportBundle(Path dir, boolean withIdentities) {
		return exporter.export(dir, withIdentities);
	}

}
