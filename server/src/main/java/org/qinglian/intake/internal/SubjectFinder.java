package org.qinglian.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import org.qinglian.intake.ReportDesk.Suggestion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Suggests whom a report is about: the people of the matter's village and its cadres
 * whose names the text mentions as words. HanLP segments the text (with its person-name
 * recognition), and a name counts only where it stands as a whole word, so that 王伟 is not
 * found in 王伟东. The staff choose; the suggestion is only that.
 */
@Component
class SubjectFinder {

	/**
	 * HanLP's segmenter, whose dictionaries take seconds to load: loaded when first
	 * needed, or in the background once the server is up ({@link #warmUp}), not while it
	 * starts.
	 */
	private static final class Segmenter {

		static final Segment SEGMENT = HanLP.newSegment().enableOffset(true).enableNameRecognize(true);

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SubjectFinder(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The dictionaries loaded on a thread of their own once the web platform is up. */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebApplicationContext) {
			Thread t = new Thread(() -> Segmenter.SEGMENT.seg("监察"), "hanlp-warm-up");
			t.setDaemon(true);
			t.setPriority(Thread.MIN_PRIORITY);
			t.start();
		}
	}

	List<Suggestion> suggest(String regionCode, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Suggestion> candidates = jdbc.sql("""
				select p.person_id, p.name, (select string_agg(distinct q.role, ',') from jur_position q
				    where q.person_id = p.person_id and q.region_code = :region and q.start_date <= :today
				      and (q.end_date is null or q.end_date >= :today)) as position
				from jur_person p
				where (p.region_code = :region or exists (select 1 from jur_position q
				         where q.person_id = p.person_id and q.region_code = :region))
				  and length(p.name) >= 2 and strpos(:text, p.name) > 0
				order by position nulls last, p.person_id limit 50""")
			.param("region", regionCode)
			.param("today", LocalDate.now(clock))
			.param("text", text)
			.query((rs, i) -> new Suggestion(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		if (candidates.isEmpty()) {
			return candidates;
		}
		Set<Integer> starts = new HashSet<>();
		Set<Integer> ends = new HashSet<>();
		List<Term> terms;
		synchronized (Segmenter.SEGMENT) {
			terms = Segmenter.SEGMENT.seg(text);
		}
		for (Term t : terms) {
			starts.add(t.offset);
			ends.add(t.offset + t.length());
		}
		return candidates.stream().filter(c -> asWord(text, c.name(), starts, ends)).toList();
	}

	private static boolean asWord(String text, String name, Set<Integer> starts, Set<Integer> ends) {
		for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
			if (starts.contains(at) && ends.contains(at + name.length())) {
				return true;
			}
		}
		return false;
	}

}
