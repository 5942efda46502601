package org.qinglian.platform.exchange;

import java.nio.file.Path;

import org.qinglian.platform.Exchange;

import org.springframework.stereotype.Service;

/** The platform's {@link Exchange}: the importer and the exporter behind one API. */
@Service
class ExchangeService implements Exchange {

	private final BundleImporter importer;

	private final BundleExporter exporter;

	ExchangeService(BundleImporter importer, BundleExporter exporter) {
		this.importer = importer;
		this.exporter = exporter;
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
