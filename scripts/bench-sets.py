#!/usr/bin/python3
"""Makes a set of Community Verdicts for the cold-count benchmark (issue 16), signed by an implementation of DSSE and
Ed25519 that is not Folkmoot's: Python and PyNaCl (libsodium), written from docs/signed-files.md alone, so the count
is measured on files Folkmoot did not make.

Usage: bench-sets.py N DIR
  writes DIR/roster.json (a plain folkmoot-roster/1 of N Communities, each its own key) and DIR/verdicts/KKK/N.verdict
  (one verdict each, about 4 KB, 1,000 files a folder): 70% passed by consensus, 10% passed amended, 10% not passed,
  10% tabled, all of resolution M-R1 of municipality M1, whose text's SHA-256 it prints on its last line.
Keys come from the Community's id (SHA-256 of "bench seed of ID"), so the same N gives the same files.
"""
import base64, hashlib, json, os, sys
from nacl.signing import SigningKey

VERDICT_TYPE = "application/vnd.folkmoot.verdict+json;version=1"
BODY = {"level": "municipality", "id": "M1", "name": "Municipality M1"}
RESOLUTION = "M-R1"
# a resolution's text as long as a real one, so a verdict is about 4 KB as issue 16 measured
TEXT = ("Every Community keeps a seed library, open on market days. " * 14).strip()
RULES = {"consensus": "9/10", "final": "2/3", "contention": "1/2", "amendment": "1/2", "election": "1/2",
         "basis": "cast", "quorum": None}


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


TEXT_SHA = sha256_hex(TEXT)


def key(cid):
    return SigningKey(hashlib.sha256(("bench seed of " + cid).encode()).digest())


def b64(raw):
    return base64.b64encode(raw).decode("ascii")


def key_id(raw):
    return "ed25519:" + hashlib.sha256(raw).hexdigest()[:16]


def vote(seq, stage, yes, no):
    return {"seq": seq, "stage": stage, "for": yes, "against": no, "abstain": 0, "present": yes + no}


def ladder(i):
    """The votes, objections, outcome and route of verdict i: a ladder docs/procedure.md walks to that outcome."""
    kind = i % 10
    if kind == 7:  # check 1 fails on non-deal-breakers, check 2 passes: amended
        return [vote(3, "check-1", 80, 20), vote(9, "check-2", 95, 5)], {"nonDealBreakers": 20, "dealBreakers": 0}, "passed", "amended"
    if kind == 8:  # deal-breakers only: straight to the final vote, which fails
        return [vote(3, "check-1", 60, 40), vote(7, "final", 60, 40)], {"nonDealBreakers": 0, "dealBreakers": 40}, "not-passed", None
    if kind == 9:  # passed, then the contention vote fails: tabled
        return [vote(3, "check-1", 95, 5), vote(4, "contention", 40, 60)], None, "tabled", None
    return [vote(3, "check-1", 95, 5)], None, "passed", "consensus"


def payload(cid, pub, i):
    votes, objections, outcome, route = ladder(i)
    p = {
        "format": "folkmoot-verdict/1",
        "community": {"id": cid, "name": "Community " + cid, "members": 150, "publicKey": b64(pub), "keyId": key_id(pub)},
        "resolution": {"id": "R1", "title": "Seed library", "proposer": "M1", "originalText": TEXT, "originalSha256": TEXT_SHA,
                       "finalText": TEXT, "finalSha256": TEXT_SHA,
                       "upstream": {"level": BODY["level"], "body": BODY["id"], "resolution": RESOLUTION, "textSha256": TEXT_SHA}},
        "outcome": outcome, "route": route, "carriedForward": False, "votes": votes, "objections": objections,
        "grievances": [], "amendments": [], "delegates": [], "rules": RULES,
        "meeting": {"date": "2026-11-26", "place": "Hall of " + cid, "facilitator": "F", "secretary": "S",
                    "opened": "2026-11-26T18:00:00Z", "closed": "2026-11-26T19:40:00Z"},
        "supersedes": [], "recordSha256": sha256_hex("record of " + cid), "issuedAt": "2026-11-26T19:40:00Z",
        "program": "bench-sets.py 1",
    }
    return (json.dumps(p, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def pae(ptype, body):
    t = ptype.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def envelope(sk, body):
    pub = bytes(sk.verify_key)
    sig = sk.sign(pae(VERDICT_TYPE, body)).signature
    return json.dumps({"payloadType": VERDICT_TYPE, "payload": b64(body),
                       "signatures": [{"keyid": key_id(pub), "sig": b64(sig)}]}, separators=(",", ":")).encode("ascii")


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: bench-sets.py N DIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "verdicts"), exist_ok=True)
    communities = []
    for i in range(n):
        cid = "C%06d" % i
        sk = key(cid)
        pub = bytes(sk.verify_key)
        folder = os.path.join(out, "verdicts", "%03d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, cid + ".verdict"), "wb") as f:
            f.write(envelope(sk, payload(cid, pub, i)))
        communities.append({"id": cid, "name": "Community " + cid, "members": 150, "publicKey": b64(pub),
                            "validFrom": "2026-01-01", "validUntil": None, "status": "active"})
    roster = {"format": "folkmoot-roster/1", "body": BODY, "version": 1, "communities": communities}
    with open(os.path.join(out, "roster.json"), "w") as f:
        json.dump(roster, f, separators=(",", ":"))
        f.write("\n")
    print(TEXT_SHA)


if __name__ == "__main__":
    main()
