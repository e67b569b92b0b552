package org.folkmoot.app.hall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Resolution;

/**
 * The working text as a tracked change: what adopted amendments put in, and an amendment still to be voted with
 * its passage struck and its replacement proposed. One way of marking it, for the console's form as it is typed
 * and for the room's screen, so the two can never show a change differently.
 */
public final class TrackedChange {
    private TrackedChange() {
    }

    /** How a run of the text is shown. */
    public enum Mark {
        PLAIN, ADOPTED, STRUCK, PROPOSED
    }

    /** A run of the working text: plain, put in by an adopted amendment, or a proposed change still to be voted. */
    public record Run(String text, Mark mark) {
        public boolean inserted() {
            return mark == Mark.ADOPTED;
        }
    }

    /** The text with {@code find} struck and {@code replace} proposed, if the passage occurs exactly once; else none. */
    public static List<Run> of(String text, String find, String replace) {
        int at = once(text, find);
        return at < 0 ? List.of() : runs(text, new ArrayList<>(), at, find, replace);
    }

    /**
     * The working text, with what adopted amendments put in marked, and the amendment waiting for its vote
     * shown as a tracked change: its passage struck, its replacement proposed.
     */
    public static List<Run> of(Resolution r) {
        String t = r.workingText();
        List<int[]> adopted = new ArrayList<>(); // {start, end}
        for (Amendment a : r.amendments()) {
            if (!a.adopted()) continue;
            int at = once(t, a.replace());
            if (at >= 0) adopted.add(new int[] {at, at + a.replace().length()});
        }
        Amendment pending = r.amendments().stream().filter(a -> !a.voted() && a.round() == r.round()).reduce((a, b) -> b).orElse(null);
        if (pending == null) return runs(t, adopted, -1, null, null);
        return runs(t, adopted, once(t, pending.find()), pending.find(), pending.replace());
    }

    /** Where {@code passage} stands in {@code text}, or -1 when it is empty or not there exactly once (which one would it be?). */
    private static int once(String text, String passage) {
        if (passage == null || passage.isEmpty()) return -1;
        int at = text.indexOf(passage);
        return at >= 0 && text.indexOf(passage, at + 1) < 0 ? at : -1;
    }

    /** The runs of {@code t}: the {@code adopted} spans marked, and {@code find} at {@code at} (unless -1) struck for {@code replace}. */
    private static List<Run> runs(String t, List<int[]> adopted, int at, String find, String replace) {
        List<int[]> marks = new ArrayList<>(); // {start, end, kind}: 0 adopted, 1 pending
        for (int[] a : adopted) marks.add(new int[] {a[0], a[1], 0});
        if (at >= 0) {
            int end = at + find.length();
            marks.removeIf(m -> m[0] < end && at < m[1]); // the change being voted shows over what it changes
            marks.add(new int[] {at, end, 1});
        }
        marks.sort(Comparator.comparingInt(x -> x[0]));
        List<Run> runs = new ArrayList<>();
        int pos = 0;
        for (int[] mark : marks) {
            if (mark[0] < pos) continue; // overlapping changes: the first one shown
            if (mark[0] > pos) runs.add(new Run(t.substring(pos, mark[0]), Mark.PLAIN));
            if (mark[2] == 1) {
                runs.add(new Run(t.substring(mark[0], mark[1]), Mark.STRUCK));
                if (replace != null && !replace.isEmpty()) {
                    runs.add(new Run(" ", Mark.PLAIN)); // the struck and the proposed passages stand apart
                    runs.add(new Run(replace, Mark.PROPOSED));
                }
            } else {
                runs.add(new Run(t.substring(mark[0], mark[1]), Mark.ADOPTED));
            }
            pos = mark[1];
        }
        if (pos < t.length()) runs.add(new Run(t.substring(pos), Mark.PLAIN));
        return runs;
    }
}
