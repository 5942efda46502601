package org.qinglian.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.qinglian.intake.IntakeSettings;
import org.qinglian.intake.PublicReports.Upload;
import org.qinglian.platform.FileTypes;
import org.qinglian.platform.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attachments of reports and messages (photos, PDFs): stored once by their SHA-256, with
 * their type read from their first bytes, never from their name; anything else, an empty
 * file or one over the size limit is refused before anything is stored.
 */
@Component
class Attachments {

	private final JdbcClient jdbc;

	private final IntakeSettings settings;

	Attachments(JdbcClient jdbc, IntakeSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** A checked file: its hash and type. */
	record Checked(String sha256, String mediaType, byte[] content) {
	}

	/**
	 * Checks every upload before any is stored.
	 * @throws Refused naming the file that is not accepted and why
	 */
	List<Checked> check(List<Upload> uploads) {
		List<Upload> files = uploads == null ? List.of()
				: uploads.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
		if (files.size() > settings.maxFiles()) {
			throw new Refused("intake.refused.tooManyFiles", "at most " + settings.maxFiles() + " files",
					settings.maxFiles());
		}
		List<Checked> checked = new ArrayList<>();
		for (Upload u : files) {
			String name = u.filename() == null ? "" : u.filename();
			if (u.content().length > settings.maxFileBytes()) {
				throw new Refused("intake.refused.fileTooLarge",
						"the file " + name + " is larger than " + settings.maxFileBytes() + " bytes", name,
						settings.maxFileBytes() / (1024 * 1024));
			}
			String type = FileTypes.mediaType(u.content());
			if (type == null) {
				throw new Refused("intake.refused.fileType",
						"the file " + name + " is not a JPEG or PNG photo or a PDF (by its content)", name);
			}
			checked.add(new Checked(FileTypes.sha256(u.content()), type, u.content()));
		}
		return checked;
	}

	/** Stores checked files for a report (in the caller's transaction). */
	void attach(String reportId, List<Checked> files, boolean fromReporter) {
		for (Checked f : files) {
			jdbc.sql("""
					insert into int_file (sha256, media_type, size, content) values (?, ?, ?, ?)
					on conflict (sha256) do nothing""")
				.params(f.sha256(), f.mediaType(), f.content().length, f.content())
				.update();
			jdbc.sql("""
					insert into int_report_file (report_id, sha256, from_reporter, added_at)
					values (?, ?, ?, case when ? then date_trunc('day', now()) else now() end)
					on conflict do nothing""").params(reportId, f.sha256(), fromReporter, fromReporter).update();
		}
	}

}
