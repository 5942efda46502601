package org.qinglian.platform.exchange;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qinglian.platform.ExchangeFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every file of the format, as the modules declared them, in load order: for one version
 * of the format (a file may have another form in another version), or all forms of all
 * versions ({@link #any}).
 */
@Component
class ExchangeFiles {

	private final List<ExchangeFile> declared;

	private final List<ExchangeFile> all;

	private final Map<String, ExchangeFile> byName;

	@Autowired
	ExchangeFiles(List<ExchangeFile> declared) {
		this(declared, "1");
	}

	private ExchangeFiles(List<ExchangeFile> declared, String version) {
		this.declared = declared;
		this.all = declared.stream()
			.filter(f -> f.in(version))
			.sorted(Comparator.comparingInt(ExchangeFile::order))
			.toList();
		this.byName = all.stream().collect(Collectors.toMap(ExchangeFile::file, Function.identity()));
	}

	/** The files of bundles of a version. */
	ExchangeFiles forVersion(String version) {
		return new ExchangeFiles(declared, version);
	}

	/** The files whose form is this version's only (not shared by every version). */
	List<ExchangeFile> onlyIn(String version) {
		return declared.stream()
			.filter(f -> f.in(version) && f.versions().size() < ExchangeFile.VERSIONS.size())
			.toList();
	}

	/**
	 * The forms the file has in other versions of the format, with tables of their own.
	 */
	List<ExchangeFile> otherForms(ExchangeFile file) {
		return declared.stream().filter(f -> f.file().equals(file.file()) && !f.table().equals(file.table())).toList();
	}

	List<ExchangeFile> all() {
		return all;
	}

	/** The files of every version of the format. */
	List<ExchangeFile> declared() {
		return declared;
	}

	List<String> names() {
		return all.stream().map(ExchangeFile::file).toList();
	}

	ExchangeFile byName(String name) {
		return byName.get(name);
	}

}
