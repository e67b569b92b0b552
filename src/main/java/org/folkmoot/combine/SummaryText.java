package org.folkmoot.combine;

import java.util.ArrayList;
import java.util.List;
import org.folkmoot.verdict.Roster;

/** The count in lines a clerk can read aloud, the same on the terminal and in the app. */
public final class SummaryText {
    private SummaryText() {
    }

    public static List<String> lines(Combination.Summary s, Roster.Body body) {
        List<String> out = new ArrayList<>();
        String who = body == null ? "" : body.name() + " (" + body.level() + " " + body.id() + ") — ";
        out.add(who + "resolution " + s.resolution() + ", text " + s.textSha256().substring(0, Math.min(16, s.textSha256().length())) + "…");
        Against a = s.against();
        if (a != null) {
            // gathered by a lower body, the proposal is the higher body's, which the roster does not name
            boolean other = a.bodyId() != null && (body == null || !a.bodyLevel().equals(body.level()) || !a.bodyId().equals(body.id()));
            out.add("Counted against proposal " + a.resolution() + " of " + (other ? a.bodyLevel() + " " + a.bodyId()
                    : body == null ? "the body" : body.name() + " (" + body.level() + " " + body.id() + ")")
                    + ", fingerprint " + a.fingerprint() + ", to report by " + a.reportBy());
            String otherRoster = a.otherRoster(s.roster());
            if (otherRoster != null) out.add(otherRoster);
        }
        long rostered = s.roster().size();
        out.add("Reporting: " + s.reporting() + " of " + rostered + " Communities in the roster (quorum: more than "
                + s.rules().reportingQuorum() + " — " + (s.rules().quorate(s.reporting(), rostered) ? "met" : "not met") + ")");
        row(out, "passed", s.count(Combination.Kind.PASSED), s.reporting());
        row(out, "passed with amendments", s.count(Combination.Kind.PASSED_WITH_AMENDMENTS), s.reporting());
        row(out, "not passed", s.count(Combination.Kind.NOT_PASSED), s.reporting());
        row(out, "tabled", s.count(Combination.Kind.TABLED), s.reporting());
        row(out, "dismissed", s.count(Combination.Kind.DISMISSED), s.reporting());
        row(out, "withdrawn", s.count(Combination.Kind.WITHDRAWN), s.reporting());
        out.add("Not counted: " + s.refused() + " refused, " + s.duplicates() + " duplicate" + (s.duplicates() == 1 ? "" : "s") + ", "
                + (s.superseded().isEmpty() ? "" : s.superseded().size() + " superseded, ")
                + s.conflicts().size() + " in conflict" + (s.conflicts().isEmpty() ? "" : " (" + names(s, s.conflicts(), 50) + ")")
                + ", " + s.missing().size() + " missing");
        if (s.passedOver() > 0) {
            out.add("Passed over: " + s.passedOver() + " file" + (s.passedOver() == 1 ? "" : "s")
                    + " Folkmoot writes beside verdicts (minutes, meeting records, public keys, proposals)");
        }
        if (!s.missing().isEmpty()) out.add("Missing: " + names(s, s.missing(), 50));
        if (a != null) out.add("On time: " + s.onTime() + "; late: " + s.late().size() + (s.late().isEmpty() ? "" : " — " + late(s, 50)));
        for (Combination.AmendmentGroup g : s.amendmentGroups()) {
            out.add("Amendment proposed by " + g.communities().size() + ": \"" + g.find() + "\" → \"" + g.replace() + "\"");
        }
        out.add("Result: " + result(s));
        return out;
    }

    /** The outcome in words: e.g. "PASSED by supermajority — 700 of 812 reporting passed the text (86.2%; needs 2/3)". */
    public static String result(Combination.Summary s) {
        long passed = s.count(Combination.Kind.PASSED);
        String share = s.reporting() == 0 ? "" : " (" + percent(passed, s.reporting()) + ")";
        return switch (s.outcome()) {
            case "passed" -> "PASSED by " + s.route() + " — " + passed + " of " + s.reporting() + " reporting passed the text" + share
                    + "; needs " + ("consensus".equals(s.route()) ? s.rules().passConsensus() : s.rules().passSupermajority());
            case "not-passed" -> "NOT PASSED — " + passed + " of " + s.reporting() + " reporting passed the text" + share
                    + "; needs " + s.rules().passSupermajority();
            default -> "INCOMPLETE — " + s.reporting() + " of " + s.roster().size() + " reported; more than "
                    + s.rules().reportingQuorum() + " of the roster must report for a decision";
        };
    }

    private static void row(List<String> out, String what, long n, long of) {
        out.add(String.format("  %-24s %8d  %s", what, n, of == 0 ? "" : percent(n, of)));
    }

    /** n of {@code of} (not 0) as a percentage to a tenth, as the minutes print supports. */
    public static String percent(long n, long of) {
        return new org.folkmoot.procedure.Fraction(n, of).percent();
    }

    /** The late Communities by name and id with their meeting's day, the first {@code max}: "Elm 2 (elm-2) on 2026-12-21, …". */
    public static String late(Combination.Summary s, int max) {
        // the late are few beside the reports; their days are looked up in one pass over the reports
        java.util.Map<String, java.time.LocalDate> day = new java.util.HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(s.late().subList(0, Math.min(max, s.late().size())));
        for (Combination.Report r : s.reports()) if (wanted.contains(r.community())) day.put(r.community(), r.date());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.late().size(); i++) {
            if (i == max) {
                b.append(" … (+").append(s.late().size() - max).append(")");
                break;
            }
            if (i > 0) b.append(", ");
            String id = s.late().get(i);
            String name = s.roster().community(id).map(Roster.Entry::name).orElse(id);
            java.time.LocalDate d = day.get(id);
            b.append(name.equals(id) ? id : name + " (" + id + ")").append(d == null ? " (no meeting day given)" : " on " + d);
        }
        return b.toString();
    }

    /** Communities by name and id, the first {@code max} of them, then how many more: "Elm 2 (elm-2), … (+3)". */
    public static String names(Combination.Summary s, List<String> ids, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i == max) {
                b.append(" … (+").append(ids.size() - max).append(")");
                break;
            }
            if (i > 0) b.append(", ");
            String id = ids.get(i);
            String name = s.roster().community(id).map(Roster.Entry::name).orElse(id);
            b.append(name.equals(id) ? id : name + " (" + id + ")");
        }
        return b.toString();
    }
}
