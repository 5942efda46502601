package org.qinglian.platform.exchange;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qinglian.platform.ExchangeFile;

import org.springframework.stereotype.Component;

/** Every file of the format, as the modules declared them, in load order. */
@Component
class ExchangeFiles {

	private final List<ExchangeFile> all;

	private final Map<String, ExchangeFile> byName;

	ExchangeFiles(List<ExchangeFile> declared) {
		this.all = declared.stream().sorted(Comparator.comparingInt(ExchangeFile::order)).toList();
		this.byName = all.stream().collect(Collectors.toMap(ExchangeFile::file, Function.identity()));
	}

	List<ExchangeFile> all() {
		return all;
	}

	List<String> names() {
		return all.stream().map(ExchangeFile::file).toList();
	}

	ExchangeFile byName(String name) {
		return byName.get(name);
	}

}
