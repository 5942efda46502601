package org.qinglian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Chinese and English bundles stay in sync, and templates hold no text of their own.
 */
class MessagesTests {

	static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void templatesHaveNoChineseTextAndOnlyKnownMessageKeys() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern cjk = Pattern.compile("\\p{IsHan}");
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> unknown = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(f);
				assertThat(cjk.matcher(html).find()).as(f + " has Chinese text: use the message bundles").isFalse();
				Matcher m = key.matcher(html);
				while (m.find()) {
					if (!keys.contains(m.group(1))) {
						unknown.add(f.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(unknown).isEmpty();
	}

}
