package org.qinglian.statistics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.qinglian.risk.RiskLibrary.TrendPoint;
import org.qinglian.statistics.VillageEcology.VillageScore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ecology page's charts as ECharts options, in JSON that is safe inside a page
 * ({@code </} escaped), with the series named in the page's language.
 */
@Component
class EcologyCharts {

	/** The villages the ranking chart shows at most. */
	static final int RANKED = 20;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	EcologyCharts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Findings by year, stacked by scheme, and the money at stake each year on its own
	 * axis.
	 */
	String trend(List<TrendPoint> points, Locale locale) {
		TreeSet<String> years = new TreeSet<>();
		TreeSet<String> schemes = new TreeSet<>();
		points.forEach(p -> {
			years.add(p.year());
			schemes.add(p.scheme());
		});
		List<Object> series = new ArrayList<>();
		for (String scheme : schemes) {
			List<Long> data = years.stream()
				.map(year -> points.stream()
					.filter(p -> p.year().equals(year) && p.scheme().equals(scheme))
					.mapToLong(TrendPoint::findings)
					.sum())
				.toList();
			series.add(Map.of("name", messages.getMessage("scheme." + scheme, null, scheme, locale), "type", "bar",
					"stack", "findings", "data", data));
		}
		List<BigDecimal> amounts = years.stream()
			.map(year -> points.stream()
				.filter(p -> p.year().equals(year))
				.map(TrendPoint::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add))
			.toList();
		series.add(Map.of("name", message("ecology.amount", locale), "type", "line", "yAxisIndex", 1, "data", amounts));
		return write(Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("type", "scroll", "bottom", 0),
				"grid", Map.of("left", 40, "right", 70, "top", 10, "bottom", 60), "xAxis",
				Map.of("type", "category", "data", List.copyOf(years)), "yAxis",
				List.of(Map.of("type", "value", "name", message("ecology.findings", locale)),
						Map.of("type", "value", "name", message("ecology.amount", locale))),
				"series", series));
	}

	/**
	 * The report card's counts, this year against the year before, as grouped bars
	 * (recovered funds, money, left to the table).
	 */
	String reportCard(List<org.qinglian.statistics.ReportCard.Metric> metrics, Locale locale) {
		List<org.qinglian.statistics.ReportCard.Metric> counts = metrics.stream()
			.filter(m -> !m.metric().equals("recovered_funds"))
			.toList();
		int year = metrics.isEmpty() ? 0 : metrics.get(0).year();
		return write(Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("bottom", 0), "grid",
				Map.of("left", 150, "right", 20, "top", 10, "bottom", 40), "xAxis", Map.of("type", "value"), "yAxis",
				Map.of("type", "category", "inverse", true, "data",
						counts.stream().map(m -> message("reportCard.metric." + m.metric(), locale)).toList()),
				"series",
				List.of(Map.of("name", String.valueOf(year - 1), "type", "bar", "data",
						counts.stream().map(m -> m.previous()).toList()),
						Map.of("name", String.valueOf(year), "type", "bar", "data",
								counts.stream().map(m -> m.value()).toList()))));
	}

	/** The villages with the highest scores, as horizontal bars. */
	String ranking(List<VillageScore> ranking, Locale locale) {
		List<VillageScore> top = ranking.subList(0, Math.min(RANKED, ranking.size()));
		return write(Map.of("tooltip", Map.of("trigger", "axis"), "grid",
				Map.of("left", 90, "right", 20, "top", 10, "bottom", 20), "xAxis", Map.of("type", "value", "max", 100),
				"yAxis",
				Map.of("type", "category", "inverse", true, "data", top.stream().map(v -> v.village().name()).toList()),
				"series", List.of(Map.of("name", message("ecology.score", locale), "type", "bar", "data",
						top.stream().map(v -> v.score().value()).toList()))));
	}

	/** The ranking chart's height in pixels: a bar for each village it shows. */
	static int rankingHeight(List<VillageScore> ranking) {
		return Math.min(RANKED, ranking.size()) * 26 + 40;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private String write(Map<String, Object> options) {
		return json.writeValueAsString(options).replace("</", "<\\/");
	}

}
