package org.qinglian.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Data in and out in the QDX bundle format (spec/exchange-format.md).
 */
public interface Exchange {

	/**
	 * Checks a bundle (a folder or a {@code .zip}) and merges it into the database by id,
	 * all or nothing.
	 * @throws BundleRejectedException listing every problem when anything is wrong;
	 * nothing is written then
	 */
	ImportReport importBundle(Path bundle, Progress progress);

	/**
	 * Writes every row as a bundle into {@code dir}, with its manifest, in owner-only
	 * files; audited before the first file is written.
	 * @param withIdentities whether reporters' identities are written in clear; otherwise
	 * each is written sealed ({@code sealed:…}), which re-imports here and nowhere else
	 */
	ExportReport exportBundle(Path dir, boolean withIdentities);

	/**
	 * The period the imported data covers: from the earliest to the latest of the
	 * manifests' periods.
	 */
	DataPeriod dataPeriod();

	/**
	 * Waits until the work that imports set off in other modules (conformance checks,
	 * risk scans: listeners of {@link BundleImported}) has finished, so that a command
	 * does not exit under it.
	 * @param timeout how long to wait at most
	 * @return whether everything finished within the timeout
	 */
	boolean awaitFollowUps(Duration timeout);

	/**
	 * @param from first day covered
	 * @param to last day covered
	 */
	record DataPeriod(LocalDate from, LocalDate to) {
	}

	/** Told how far an import has got. */
	interface Progress {

		Progress NONE = (file, bytesDone, bytesTotal, rows) -> {
		};

		void update(String file, long bytesDone, long bytesTotal, long rows);

	}

	/**
	 * What an import did.
	 *
	 * @param rowsRead rows read from the bundle's files
	 * @param rowsChanged rows inserted or changed (0 when the bundle was already loaded)
	 * @param millis how long it took
	 * @param importedBefore whether the very same bundle had been imported before
	 * @param filesUnchanged files not read again: each was the file last imported under
	 * its name, into a table unchanged since
	 */
	record ImportReport(long rowsRead, long rowsChanged, long millis, boolean importedBefore, int filesUnchanged) {

		public ImportReport(long rowsRead, long rowsChanged, long millis, boolean importedBefore) {
			this(rowsRead, rowsChanged, millis, importedBefore, 0);
		}

		public long rowsPerSecond() {
			return millis == 0 ? rowsRead : rowsRead * 1000 / millis;
		}

	}

	/**
	 * What an export wrote.
	 *
	 * @param files files written, the manifest not counted
	 * @param rows rows written
	 */
	record ExportReport(int files, long rows) {
	}

}
