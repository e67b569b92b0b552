package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Community;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.MeetingInfo;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Sitting;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.Upstream;
import org.folkmoot.record.Chain;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;

/**
 * The Community Verdict payload ({@code folkmoot-verdict/1}, docs/signed-files.md), built from the same fold
 * of the record that {@code replay} prints. Every time in it comes from the record, never the clock, so
 * the same record always gives the same bytes.
 */
public final class VerdictPayload {
    public static final String FORMAT = "folkmoot-verdict/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VerdictPayload() {
    }

    /** Whether a resolution has a verdict: it reached an outcome (a passed one may still be in planning). */
    public static boolean hasVerdict(Resolution r) {
        return r.outcome().isPresent();
    }

    /**
     * A verdict issued at a meeting's close (docs/procedure.md, "The Community Verdict").
     *
     * @param meeting    the number of the book's meeting that issued it
     * @param sha256     its payload's SHA-256, as a later verdict names it in {@code supersedes}
     * @param supersedes the payload SHA-256s of the resolution's earlier verdicts, oldest first
     */
    public record Issued(int meeting, String resolution, byte[] payload, String sha256, List<String> supersedes) {
    }

    /**
     * Every verdict the book issued, in order: at each meeting's close, one for every resolution that has
     * passed or reached an outcome and whose standing differs from its last verdict's (or that has none yet).
     * Each is built from the record as it stood at that close, so a book's prefix up to a close gives the very
     * verdicts the whole book gives for that close.
     *
     * @param record    the record's lines as exported (header first)
     * @param publicKey the signing Community key, carried so a verdict can be checked without a roster
     */
    public static List<Issued> issue(Meeting meeting, List<String> record, byte[] publicKey, String program) {
        return issue(meeting, record, publicKey, program, id -> true);
    }

    /** The verdicts of the resolutions {@code of} accepts only: a resolution's chain depends on nothing but itself. */
    private static List<Issued> issue(Meeting meeting, List<String> record, byte[] publicKey, String program,
                                      java.util.function.Predicate<String> of) {
        List<Issued> issued = new ArrayList<>();
        Map<String, Resolution.Standing> last = new HashMap<>();
        Map<String, List<String>> chains = new HashMap<>();
        for (Meeting.Held held : meeting.meetings()) {
            int closeSeq = (int) held.closedAt();
            List<String> prefix = record.subList(0, closeSeq + 1);
            String recordSha = null; // the prefix hashed once for its close, and only when a verdict is issued there
            for (Resolution r : held.closing().resolutions()) {
                if (!hasVerdict(r) || !of.test(r.id())) continue;
                Resolution.Standing standing = r.standing();
                if (standing.equals(last.get(r.id()))) continue;
                List<String> earlier = List.copyOf(chains.getOrDefault(r.id(), List.of()));
                if (recordSha == null) recordSha = Chain.sha256(Replay.recordBytes(prefix));
                byte[] payload = payload(meeting.header(), held.sitting(), r, prefix, recordSha, publicKey, program, earlier);
                String sha = Chain.sha256(payload);
                issued.add(new Issued(held.sitting().number(), r.id(), payload, sha, earlier));
                last.put(r.id(), standing);
                chains.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(sha);
            }
        }
        return issued;
    }

    /** The latest verdict of each resolution that has one, in the order presented. */
    public static Map<String, Issued> latest(List<Issued> issued) {
        Map<String, Issued> latest = new LinkedHashMap<>();
        for (Issued i : issued) latest.put(i.resolution(), i);
        return latest;
    }

    /** The verdict in force for {@code r}: the latest the book issued for it. */
    public static byte[] build(Meeting meeting, Resolution r, List<String> record, byte[] publicKey, String program) {
        if (!hasVerdict(r)) throw new IllegalArgumentException(r.id() + " has not reached an outcome");
        // only r's own verdicts: the projector asks at every entry, and the rest of the book's would be built for nothing
        Issued i = latest(issue(meeting, record, publicKey, program, r.id()::equals)).get(r.id());
        if (i == null) throw new IllegalArgumentException(r.id() + " has no verdict in this record");
        return i.payload();
    }

    private static byte[] payload(Header header, Sitting sitting, Resolution r, List<String> record, String recordSha,
                                  byte[] publicKey, String program, List<String> supersedes) {
        ObjectNode p = NODES.objectNode();
        p.put("format", FORMAT);
        Community c = header.community();
        p.putObject("community").put("id", c.id()).put("name", c.name()).put("members", c.members())
                .put("publicKey", Ed25519Keys.base64(publicKey)).put("keyId", Ed25519Keys.keyId(publicKey));

        ObjectNode res = p.putObject("resolution");
        res.put("id", r.id()).put("title", r.title()).put("proposer", r.proposer())
                .put("originalText", r.originalText()).put("originalSha256", Meeting.textSha256(r.originalText()))
                .put("finalText", r.workingText()).put("finalSha256", Meeting.textSha256(r.workingText()));
        Upstream up = r.upstream();
        if (up == null) {
            res.putNull("upstream");
        } else {
            ObjectNode u = res.putObject("upstream").put("level", up.level()).put("body", up.body())
                    .put("resolution", up.resolution()).put("textSha256", up.textSha256());
            if (up.proposalSha256() != null) u.put("proposalSha256", up.proposalSha256());
        }

        p.put("outcome", r.outcome().orElseThrow().word());
        if (r.route().isPresent()) p.put("route", r.route().get().word()); else p.putNull("route");
        p.put("carriedForward", r.carriedForward());
        if (r.plan() != null) p.put("plan", r.plan());
        r.decidingVote().ifPresent(v -> p.put("decidingVote", v.seq()));

        ArrayNode votes = p.putArray("votes");
        for (RecordedVote v : r.votes()) {
            ObjectNode n = votes.addObject().put("seq", v.seq()).put("stage", v.stage().word());
            putTally(n, v.tally(), "for", "against", "abstain");
            n.put("present", v.present()).put("support", v.support().toString()).put("reached", v.reached());
        }

        if (r.objections().isPresent()) {
            p.putObject("objections").put("nonDealBreakers", r.objections().get().nonDealBreakers())
                    .put("dealBreakers", r.objections().get().dealBreakers());
        } else {
            p.putNull("objections");
        }

        ArrayNode grievances = p.putArray("grievances");
        for (GrievanceCategory g : r.grievances()) {
            ObjectNode n = grievances.addObject().put("round", g.round()).put("category", g.category())
                    .put("members", g.members()).put("statement", g.statement()).put("delegate", g.delegate());
            if (g.agreement() == null) {
                n.putNull("agreement");
            } else {
                putTally(n.putObject("agreement"), g.agreement(), "agree", "disagree", "abstain");
            }
            // settled at close-round; a round left open (a withdrawal) keeps every grievance standing
            boolean sustained = g.sustained() != null ? g.sustained()
                    : r.amendments().stream().noneMatch(a -> a.round() == g.round() && a.category().equals(g.category()) && a.adopted());
            n.put("sustained", sustained);
        }

        ArrayNode amendments = p.putArray("amendments");
        for (Amendment a : r.amendments()) {
            ObjectNode n = amendments.addObject().put("id", a.id()).put("round", a.round()).put("category", a.category())
                    .put("find", a.find()).put("replace", a.replace());
            if (a.voted()) {
                putTally(n, a.tally(), "for", "against", "abstain");
            } else {
                n.putNull("for").putNull("against").putNull("abstain");
            }
            n.put("adopted", a.adopted());
        }

        ArrayNode delegates = p.putArray("delegates");
        for (Delegate d : r.delegates()) {
            if (!d.elected()) continue;
            ObjectNode n = delegates.addObject().put("name", d.name()).put("mandate", d.mandate()).put("recalled", d.recalled());
            putTally(n.putObject("election"), d.tally(), "for", "against", "abstain");
        }

        p.set("rules", HeaderCodec.writeRules(header.rules()));

        MeetingInfo info = sitting.info();
        ObjectNode m = p.putObject("meeting");
        putText(m, "date", info.date());
        putText(m, "place", info.place());
        putText(m, "facilitator", info.facilitator());
        putText(m, "secretary", info.secretary());
        putText(m, "opened", at(record, (int) Math.max(1, sitting.openedAt())));
        putText(m, "closed", at(record, record.size() - 1));
        m.put("number", sitting.number());

        ArrayNode earlier = p.putArray("supersedes");
        supersedes.forEach(earlier::add);
        p.put("recordSha256", recordSha);
        putText(p, "issuedAt", at(record, record.size() - 1));
        p.put("program", program);
        return Json.compact(p).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code at} of the record's line {@code index} (1 is the first entry), or null. */
    public static String at(List<String> record, int index) {
        if (index < 1 || index >= record.size()) return null;
        try {
            return Json.object(record.get(index)).path("at").textValue();
        } catch (FormatException e) {
            return null;
        }
    }

    private static void putTally(ObjectNode n, Tally t, String yes, String no, String abstain) {
        n.put(yes, t.inFavour()).put(no, t.against()).put(abstain, t.abstain());
    }

    private static void putText(ObjectNode n, String key, String value) {
        if (value == null) n.putNull(key); else n.put(key, value);
    }
}
