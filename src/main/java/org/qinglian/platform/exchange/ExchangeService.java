package org.qinglian.platform.exchange;

import java.nio.file.Path;

import org.qinglian.platform.Exchange;

import org.springframework.stereotype.Service;

/** The platform's {@link Exchange}: the importer and the exporter behind one API. */
@Service
class ExchangeService implements Exchange {

	private final BundleImporter importer;

	private final BundleExporter exporter;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	ExchangeService(BundleImporter importer, BundleExporter exporter,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.importer = importer;
		this.exporter = exporter;
		this.jdbc = jdbc;
	}

	@Override
	public DataPeriod dataPeriod() {
		return jdbc
			.sql("""
					select coalesce(min(period_from), current_date), coalesce(max(period_to), current_date) from plt_import""")
			.query((rs, i) -> new DataPeriod(rs.getObject(1, java.time.LocalDate.class),
					rs.getObject(2, java.time.LocalDate.class)))
			.single();
	}

	@Override
	public ImportReport importBundle(Path bundle, Progress progress) {
		return importer.importBundle(bundle, progress);
	}

	@Override
	public ExportReport exportBundle(Path dir) {
		return exporter.export(dir);
	}

}
