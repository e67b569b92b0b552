package org.folkmoot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;

/** Small meetings for tests, written as script lines. */
public final class Meetings {
    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T18:00:00Z"), ZoneOffset.UTC);

    public static final String HEADER = "{\"format\":\"folkmoot-meeting/1\","
            + "\"community\":{\"id\":\"test-1\",\"name\":\"Test 1\",\"members\":150},"
            + "\"meeting\":{\"date\":\"2026-11-26\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";

    private Meetings() {
    }

    /** A header with the given rules object, e.g. {@code {"basis":"present"}}. */
    public static String headerWithRules(String rules) {
        return HEADER.substring(0, HEADER.length() - 1) + ",\"rules\":" + rules + "}";
    }

    public static Replay.Result replayWith(String header, String... actions) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String a : actions) text.append(a).append('\n');
        try {
            return Replay.run(text.toString().getBytes(StandardCharsets.UTF_8), null, null, FIXED);
        } catch (FormatException e) {
            throw new AssertionError("the header was refused: " + e.getMessage(), e);
        }
    }

    public static Replay.Result replay(String... actions) {
        return replayWith(HEADER, actions);
    }

    /** What {@code replay} prints for it. */
    public static String outcomes(Replay.Result result) {
        return result.meeting().resolutions().stream().map(Replay::outcomeLine).collect(Collectors.joining("\n"));
    }

    public static String attendance(long present) {
        return "{\"do\":\"attendance\",\"present\":" + present + "}";
    }

    public static String present(String id) {
        return "{\"do\":\"present\",\"resolution\":\"" + id + "\",\"title\":\"Garden\","
                + "\"text\":\"We turn the east lot into a garden. Work is on Saturdays.\",\"proposer\":\"Cy\"}";
    }

    public static String vote(String stage, long inFavour, long against, long abstain) {
        return "{\"do\":\"vote\",\"stage\":\"" + stage + "\",\"for\":" + inFavour + ",\"against\":" + against
                + ",\"abstain\":" + abstain + "}";
    }

    public static String objections(long non, long deal) {
        return "{\"do\":\"objections\",\"nonDealBreakers\":" + non + ",\"dealBreakers\":" + deal + "}";
    }

    public static String grievance(int round, String category, long members) {
        return "{\"do\":\"grievance\",\"round\":" + round + ",\"category\":\"" + category + "\",\"members\":" + members
                + ",\"statement\":\"We object.\",\"delegate\":\"D-" + category + "\"}";
    }

    public static String plead(String category) {
        return "{\"do\":\"plead\",\"category\":\"" + category + "\"}";
    }

    public static String amend(String id, String category, String find, String replace) {
        return "{\"do\":\"amend\",\"id\":\"" + id + "\",\"category\":\"" + category + "\",\"find\":\"" + find
                + "\",\"replace\":\"" + replace + "\"}";
    }

    public static String amendmentVote(String id, long inFavour, long against, long abstain) {
        return "{\"do\":\"amendment-vote\",\"id\":\"" + id + "\",\"for\":" + inFavour + ",\"against\":" + against
                + ",\"abstain\":" + abstain + "}";
    }

    public static String closeRound() {
        return "{\"do\":\"close-round\"}";
    }

    public static String elect(String name, long inFavour, long against, long abstain) {
        return "{\"do\":\"elect\",\"name\":\"" + name + "\",\"mandate\":\"Carry it out.\",\"for\":" + inFavour
                + ",\"against\":" + against + ",\"abstain\":" + abstain + "}";
    }

    public static String carryForward() {
        return "{\"do\":\"carry-forward\",\"plan\":\"Start in spring.\"}";
    }

    /** Present R1 to 100 people and fail check 1 with 80/20, objections {@code non}/{@code deal}: in round 1 (or check 2). */
    public static String[] toObjections(long non, long deal) {
        return new String[] {attendance(100), present("R1"), vote("check-1", 80, 20, 0), objections(non, deal)};
    }

    public static String adjourn() {
        return "{\"do\":\"adjourn\"}";
    }

    /** The book's next meeting, at the same hall. */
    public static String nextMeeting(String date) {
        return "{\"do\":\"meeting\",\"date\":\"" + date + "\",\"place\":\"Hall\",\"facilitator\":\"Cy\",\"secretary\":\"Di\"}";
    }

    public static String recall(String name, long inFavour, long against, long abstain) {
        return "{\"do\":\"recall\",\"name\":\"" + name + "\",\"for\":" + inFavour + ",\"against\":" + against
                + ",\"abstain\":" + abstain + "}";
    }

    public static String dismiss() {
        return "{\"do\":\"dismiss\"}";
    }

    /** The same entry naming the resolution it concerns (a planning entry on an earlier resolution). */
    public static String on(String resolution, String entry) {
        return entry.substring(0, entry.length() - 1) + ",\"resolution\":\"" + resolution + "\"}";
    }

    public static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
