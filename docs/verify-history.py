#!/usr/bin/env python3
"""
Verifies an exported Budget Ledger history on its own, without the ledger: recomputes every event's hash
from the CSV export and checks that each event links to the one before it.

  curl -su auditor:PW 'http://localhost:8080/api/v1/audit/events?format=csv&limit=1000' > page1.csv   (follow the
  Link: <…>; rel="next" header for further pages, then concatenate them without their header lines)
  python3 verify-history.py page1.csv [--digest SEQUENCE:HASH]

The export must start at the first event of the store (no unit or year filter), since the chain is global.
Exit status 0 when the history is intact; otherwise the first offending event is printed and the status is 1.
(The seal, an HMAC under the ledger's own key, can only be checked by the ledger: POST /api/v1/audit/verify.)
"""
import csv
import hashlib
import sys
from datetime import datetime, timezone

GENESIS = "0" * 64


def canonical_recorded_at(text):
    # the export writes ISO-8601 instants; the hash uses UTC with exactly six decimals
    instant = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond:06d}Z"


def event_hash(row, previous):
    header = "\n".join(["budget-ledger-event-v1", previous, row["eventId"], row["aggregateId"], row["aggregateSequence"],
                        row["type"], canonical_recorded_at(row["recordedAt"]), row["transactionId"]]) + "\n"
    return hashlib.sha256(header.encode("utf-8") + row["payload"].encode("utf-8")).hexdigest()


def main(path, digest=None):
    running, checked, digest_seen = GENESIS, 0, digest is None
    with open(path, encoding="utf-8-sig", newline="") as export:
        for row in csv.DictReader(export):
            checked += 1
            if row["previousHash"] != running:
                print(f"event {row['sequence']} ({row['eventId']}): does not link to the event before it")
                return 1
            if event_hash(row, running) != row["hash"]:
                print(f"event {row['sequence']} ({row['eventId']}): its content does not match its hash")
                return 1
            if digest and int(row["sequence"]) == digest[0]:
                if row["hash"] != digest[1]:
                    print(f"event {row['sequence']}: differs from the digest")
                    return 1
                digest_seen = True
            running = row["hash"]
    if not digest_seen:
        print(f"the event the digest commits to ({digest[0]}) is missing")
        return 1
    print(f"ok: {checked} events, newest hash {running}")
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    given = None
    if "--digest" in arguments:
        sequence, value = arguments[arguments.index("--digest") + 1].split(":")
        given = (int(sequence), value)
    sys.exit(main(arguments[0], given))
