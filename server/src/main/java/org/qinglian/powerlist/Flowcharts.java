package org.qinglian.powerlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinglian.powerlist.PowerList.StepView;

/**
 * Draws a power item's flow as SVG: each step in the row after its latest predecessor,
 * arrows from each predecessor. Server-side, so the public page needs no script and is
 * light on a slow phone connection.
 */
public final class Flowcharts {

	private static final int BOX_W = 150;

	private static final int BOX_H = 40;

	private static final int GAP_X = 20;

	private static final int GAP_Y = 30;

	private Flowcharts() {
	}

	public static String draw(List<StepView> steps, Set<String> done) {
		if (steps.isEmpty()) {
			return "";
		}
		Map<String, StepView> byCode = new HashMap<>();
		steps.forEach(s -> byCode.put(s.code(), s));
		Map<String, Integer> level = new HashMap<>();
		for (StepView s : steps) {
			levelOf(s, byCode, level, 0);
		}
		int depth = level.values().stream().max(Integer::compare).orElse(0) + 1;
		List<List<StepView>> rows = new ArrayList<>();
		for (int i = 0; i < depth; i++) {
			rows.add(new ArrayList<>());
		}
		steps.stream()
			.sorted(Comparator.comparingInt(StepView::seq))
			.forEach(s -> rows.get(level.get(s.code())).add(s));
		int widest = rows.stream().mapToInt(List::size).max().orElse(1);
		int width = widest * (BOX_W + GAP_X) + GAP_X;
		int height = depth * (BOX_H + GAP_Y) + GAP_Y;
		Map<String, int[]> pos = new HashMap<>();
		for (int r = 0; r < depth; r++) {
			List<StepView> row = rows.get(r);
			int rowWidth = row.size() * (BOX_W + GAP_X) - GAP_X;
			int x0 = (width - rowWidth) / 2;
			for (int i = 0; i < row.size(); i++) {
				pos.put(row.get(i).code(), new int[] { x0 + i * (BOX_W + GAP_X), GAP_Y + r * (BOX_H + GAP_Y) });
			}
		}
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" font-size=\"13\">");
		svg.append(
				"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
						+ "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#888\"/></marker></defs>");
		for (StepView s : steps) {
			int[] to = pos.get(s.code());
			for (String p : s.after()) {
				int[] from = pos.get(p);
				if (from != null) {
					svg.append("<line x1=\"")
						.append(from[0] + BOX_W / 2)
						.append("\" y1=\"")
						.append(from[1] + BOX_H)
						.append("\" x2=\"")
						.append(to[0] + BOX_W / 2)
						.append("\" y2=\"")
						.append(to[1])
						.append("\" stroke=\"#888\" marker-end=\"url(#arrow)\"/>");
				}
			}
		}
		for (StepView s : steps) {
			int[] p = pos.get(s.code());
			String fill = done != null && done.contains(s.code()) ? "#e8f5e9" : (s.disclosure() ? "#fff3e0" : "#fff");
			svg.append("<g><rect x=\"")
				.append(p[0])
				.append("\" y=\"")
				.append(p[1])
				.append("\" width=\"")
				.append(BOX_W)
				.append("\" height=\"")
				.append(BOX_H)
				.append("\" rx=\"6\" fill=\"")
				.append(fill)
				.append("\" stroke=\"")
				.append(s.optional() ? "#bbb\" stroke-dasharray=\"4 3" : "#b71c1c")
				.append("\"/>");
			svg.append("<text x=\"")
				.append(p[0] + BOX_W / 2)
				.append("\" y=\"")
				.append(p[1] + BOX_H / 2 + 5)
				.append("\" text-anchor=\"middle\">")
				.append(escape(shorten(s.name())))
				.append("</text>");
			svg.append("<title>").append(escape(s.name())).append("</title></g>");
		}
		return svg.append("</svg>").toString();
	}

	private static int levelOf(StepView s, Map<String, StepView> byCode, Map<String, Integer> level, int guard) {
		Integer known = level.get(s.code());
		if (known != null) {
			return known;
		}
		int l = 0;
		if (guard < byCode.size()) {
			for (String p : s.after()) {
				StepView pred = byCode.get(p);
				if (pred != null) {
					l = Math.max(l, levelOf(pred, byCode, level, guard + 1) + 1);
				}
			}
		}
		level.put(s.code(), l);
		return l;
	}

	private static String shorten(String name) {
		return name.length() > 10 ? name.substring(0, 9) + "…" : name;
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
