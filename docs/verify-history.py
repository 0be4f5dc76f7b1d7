#!/usr/bin/env python3
"""
Verifies Budget Ledger evidence on its own, offline, without the ledger (SPEC §9 and §16). Python 3.8 or later, standard
library only: Ed25519 signatures are checked by the verification of RFC 8032 (§5.1.7), written out below, since no
package outside the standard library can be assumed to be installable; SHA-256 and SHA-512 are hashlib's.

  verify-history.py chain EXPORT.csv [--digest SEQUENCE:HASH]
      The hash chain of a CSV export of GET /api/v1/audit/events (from the first event of the store, no unit or year
      filter: the chain is global; follow the Link: <...>; rel="next" header for further pages and concatenate them
      without their header lines). The seal, an HMAC under the ledger's own key, can only be checked by the ledger
      (POST /api/v1/audit/verify). "verify-history.py EXPORT.csv" alone is the same.
  verify-history.py digest DIGEST.json --public-key KEYS
      A signed digest (GET /api/v1/audit/digest): its Ed25519 signature over
      "budget-ledger/digest/v1\\n{treeSize}\\n{rootHash}\\n{recordedAt}" under the key its keyId names.
  verify-history.py inclusion PROOF.json --digest DIGEST.json --public-key KEYS
      That the event of an inclusion proof (GET /api/v1/audit/proofs/inclusion?eventId=&treeSize=) is in the tree of
      the digest: its leaf hash is SHA-256(0x00 || stored) and its audit path leads to the digest's root (RFC 9162
      §2.1.3.2).
  verify-history.py consistency PROOF.json --old DIGEST.json --new DIGEST.json --public-key KEYS
      That the tree of the new digest extends the tree of the old one (GET /api/v1/audit/proofs/consistency?from=&to=,
      RFC 9162 §2.1.4.2): nothing of the old one was changed, removed or reordered since.
  verify-history.py archive ARCHIVE.zip --public-key KEYS
      Everything in an archive of a unit-year (GET /api/v1/audit/archive?unit=&year=): its digest's and its manifest's
      signatures, every event's leaf, hash and audit path, the events' order and completeness within the budget year
      (numbered from 0 without a gap, as many as the signed manifest says), the schemas.
  verify-history.py selftest
      This script's Ed25519 and Merkle hashing against RFC 8032's and Certificate Transparency's test vectors.

KEYS is the ledger's public keys as an auditor kept them: the answer of GET /api/v1/audit/keys, a key of it, the ledger's
signing-keys.pub, a PEM "PUBLIC KEY" or base64 of the 32 raw bytes. Never take them from what is being verified.
Exit status 0 when everything holds; otherwise each thing that does not is printed and the status is 1 (2 for a file
that cannot be read at all).
"""
import base64
import csv
import hashlib
import io
import json
import re
import sys
import zipfile
from datetime import datetime, timezone

GENESIS = "0" * 64
DIGEST_MESSAGE = "budget-ledger/digest/v1"
ARCHIVE_FORMAT = "budget-ledger-archive/v1"
ARCHIVE_SIGNED_AS = "budget-ledger/archive/v1"


class Unreadable(Exception):
    """A file that is not what it should be: nothing in it can be checked."""


# ---- Ed25519 verification, RFC 8032 §5.1.7 (points in extended coordinates, as in its §6 reference) ----

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, d - c, d + c, y + x
    return e * f % P, g * h % P, f * g % P, e * h % P


def _multiply(scalar, point):
    result = (0, 1, 1, 0)
    while scalar > 0:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _x_of(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    return P - x if (x & 1) != sign else x


def _decode_point(encoded):
    y = int.from_bytes(encoded, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _x_of(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


_BASE_Y = 4 * pow(5, P - 2, P) % P
BASE = (_x_of(_BASE_Y, 0), _BASE_Y, 1, _x_of(_BASE_Y, 0) * _BASE_Y % P)


def ed25519_verify(public_key, message, signature):
    """Whether signature (64 bytes) is public_key's (32 bytes) Ed25519 signature of message: [S]B = R + [k]A'."""
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a = _decode_point(public_key)
    r = _decode_point(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % L
    return _equal(_multiply(s, BASE), _add(r, _multiply(k, a)))


# ---- the Merkle tree, RFC 6962 §2.1 (RFC 9162 §2.1) ----

def leaf_hash(stored):
    return hashlib.sha256(b"\x00" + stored).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def inclusion_root(leaf_index, tree_size, leaf, path):
    """The root an inclusion path leads to (RFC 9162 §2.1.3.2), or None when the path cannot be of that leaf and size."""
    if leaf_index < 0 or leaf_index >= tree_size:
        return None
    fn, sn, r = leaf_index, tree_size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistency_holds(first, second, first_root, second_root, path):
    """Whether path proves that the tree of second leaves extends the tree of first leaves (RFC 9162 §2.1.4.2)."""
    if first < 0 or first > second:
        return False
    if first == 0:
        return not path and first_root == hashlib.sha256(b"").digest()
    if first == second:
        return not path and first_root == second_root
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root] + list(path)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


# ---- keys and digests ----

def key_id(raw):
    return hashlib.sha256(raw).hexdigest()[:16]


def read_keys(path):
    """{keyId: 32 raw bytes} from any of the forms the header lists."""
    try:
        with open(path, "rb") as file:
            text = file.read().decode("ascii").strip()
    except (OSError, UnicodeDecodeError) as failure:
        raise Unreadable(f"the public keys {path} cannot be read: {failure}")
    raws = []
    if text.startswith("{") or text.startswith("["):
        document = json.loads(text)
        entries = document.get("keys", [document]) if isinstance(document, dict) else document
        raws = [base64.b64decode(entry["publicKey"]) for entry in entries]
    elif "-----BEGIN PUBLIC KEY-----" in text:
        for block in re.findall(r"-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", text, re.S):
            raws.append(base64.b64decode("".join(block.split()))[-32:])
    else:
        for line in text.splitlines():
            fields = line.split()
            if fields and not fields[0].startswith("#"):
                raws.append(base64.b64decode(fields[1] if len(fields) > 1 else fields[0]))
    keys = {key_id(raw): raw for raw in raws if len(raw) == 32}
    if not keys:
        raise Unreadable(f"{path} holds no Ed25519 public key")
    return keys


def read_json(path, what):
    try:
        with open(path, "rb") as file:
            return json.loads(file.read().decode("utf-8"))
    except (OSError, ValueError) as failure:
        raise Unreadable(f"the {what} {path} cannot be read as JSON: {failure}")


def digest_problems(digest, keys, name="the digest"):
    """What is wrong with a signed digest (nothing: an empty list)."""
    for field in ("treeSize", "rootHash", "recordedAt", "signature", "keyId"):
        if field not in digest:
            return [f"{name} has no {field}: not a signed digest of SPEC §16"]
    raw = keys.get(digest["keyId"])
    if raw is None:
        return [f"{name} is signed with key {digest['keyId']}, which the public keys given do not hold"]
    message = f"{DIGEST_MESSAGE}\n{digest['treeSize']}\n{digest['rootHash']}\n{digest['recordedAt']}".encode("ascii")
    try:
        signature = base64.b64decode(digest["signature"], validate=True)
    except ValueError:
        return [f"{name}'s signature is not base64"]
    if not ed25519_verify(raw, message, signature):
        return [f"{name}'s signature does not hold under key {digest['keyId']}: its treeSize, rootHash or recordedAt "
                f"is not what the ledger signed"]
    return []


def inclusion_problems(proof, digest, what):
    problems = []
    stored = base64.b64decode(proof["stored"])
    leaf = leaf_hash(stored)
    if proof.get("leafHash") is not None and proof["leafHash"] != leaf.hex():
        problems.append(f"{what}: its leafHash is not SHA-256(0x00 || stored): the stored bytes or the leaf hash were changed")
    if int(proof["treeSize"]) != int(digest["treeSize"]):
        problems.append(f"{what}: the proof is for a tree of {proof['treeSize']} events, the digest's has {digest['treeSize']}")
        return problems
    root = inclusion_root(int(proof["leafIndex"]), int(proof["treeSize"]), leaf, [bytes.fromhex(h) for h in proof["auditPath"]])
    if root is None:
        problems.append(f"{what}: its audit path cannot be the path of leaf {proof['leafIndex']} in a tree of {proof['treeSize']}")
    elif root.hex() != digest["rootHash"]:
        problems.append(f"{what}: its audit path from SHA-256(0x00 || stored) does not lead to the digest's root: "
                        f"the event is not, or not as it is here, leaf {proof['leafIndex']} of the tree the ledger signed")
    return problems


# ---- the commands ----

def command_digest(arguments):
    keys = read_keys(option(arguments, "--public-key"))
    digest = read_json(arguments[0], "digest")
    problems = digest_problems(digest, keys)
    return report(problems, f"ok: the digest of {digest.get('treeSize')} events, root {digest.get('rootHash')}, recorded at "
                            f"{digest.get('recordedAt')}, is signed by key {digest.get('keyId')}")


def command_inclusion(arguments):
    keys = read_keys(option(arguments, "--public-key"))
    digest = read_json(option(arguments, "--digest"), "digest")
    proof = read_json(arguments[0], "inclusion proof")
    what = f"event {proof.get('eventId', '?')} (leaf {proof.get('leafIndex')})"
    problems = digest_problems(digest, keys) or inclusion_problems(proof, digest, what)
    return report(problems, f"ok: {what} is in the tree of {digest['treeSize']} events the ledger signed")


def command_consistency(arguments):
    keys = read_keys(option(arguments, "--public-key"))
    old = read_json(option(arguments, "--old"), "old digest")
    new = read_json(option(arguments, "--new"), "new digest")
    proof = read_json(arguments[0], "consistency proof")
    problems = digest_problems(old, keys, "the old digest") + digest_problems(new, keys, "the new digest")
    if not problems:
        first, second = int(old["treeSize"]), int(new["treeSize"])
        if (int(proof["from"]), int(proof["to"])) != (first, second):
            problems.append(f"the proof is from {proof['from']} to {proof['to']} events, the digests are of {first} and {second}")
        elif not consistency_holds(first, second, bytes.fromhex(old["rootHash"]), bytes.fromhex(new["rootHash"]),
                                   [bytes.fromhex(h) for h in proof["consistencyPath"]]):
            problems.append(f"the tree of {second} events does not extend the tree of {first} the old digest signed: events "
                            f"among the first {first} were changed, removed, reordered or inserted since")
    return report(problems, f"ok: the tree of {new.get('treeSize')} events extends the tree of {old.get('treeSize')}")


def command_archive(arguments):
    keys = read_keys(option(arguments, "--public-key"))
    try:
        archive = zipfile.ZipFile(arguments[0])
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
        digest = json.loads(archive.read(manifest["digest"]).decode("utf-8"))
        events_bytes = archive.read(manifest["events"])
        lines = events_bytes.decode("utf-8").splitlines()
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as failure:
        raise Unreadable(f"{arguments[0]} is not a readable archive of the ledger: {failure}")
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise Unreadable(f"{arguments[0]} is an archive of format {manifest.get('format')}, not {ARCHIVE_FORMAT}")
    problems = digest_problems(digest, keys, "the archive's digest") + manifest_problems(manifest, digest, events_bytes, keys)
    aggregate = f"{manifest['unit']}:{manifest['year']}"
    previous_leaf, expected_aggregate_sequence, types = -1, 0, set()
    for number, line in enumerate(lines, 1):
        try:
            event = json.loads(line)
            stored = base64.b64decode(event["stored"], validate=True)
            header = stored.split(b"\n", 8)
            what = f"event {event['sequence']} ({event['eventId']})"
        except (ValueError, KeyError) as failure:
            problems.append(f"line {number} of {manifest['events']} is not an event of the archive: {failure}")
            continue
        if len(header) < 9 or header[0] != b"budget-ledger-event-v1":
            problems.append(f"{what}: its stored bytes are not an event's canonical bytes")
            continue
        if hashlib.sha256(stored).hexdigest() != event.get("hash"):
            problems.append(f"{what}: SHA-256 of its stored bytes is not its hash: the stored bytes were changed")
        if header[2].decode("utf-8") != event["eventId"] or header[3].decode("utf-8") != aggregate:
            problems.append(f"{what}: its stored bytes are of event {header[2].decode('utf-8')} of {header[3].decode('utf-8')}, "
                            f"not of {aggregate}")
        if int(header[4]) != expected_aggregate_sequence:
            problems.append(f"{what}: it is event {int(header[4])} of its budget year, after {expected_aggregate_sequence - 1}: "
                            f"events {expected_aggregate_sequence} to {int(header[4]) - 1} of the budget year are missing"
                            if int(header[4]) > expected_aggregate_sequence else
                            f"{what}: event {int(header[4])} of its budget year comes again or out of order")
        expected_aggregate_sequence = int(header[4]) + 1
        if int(event["leafIndex"]) <= previous_leaf:
            problems.append(f"{what}: its leaf {event['leafIndex']} is not after the leaf before it ({previous_leaf})")
        previous_leaf = int(event["leafIndex"])
        types.add(header[5].decode("utf-8"))
        problems += inclusion_problems(dict(event, treeSize=digest["treeSize"]), digest, what)
    if len(lines) != int(manifest.get("eventCount", -1)):
        problems.append(f"the archive holds {len(lines)} events, its manifest says {manifest.get('eventCount')}: events were "
                        f"removed or added")
    if lines and expected_aggregate_sequence != len(lines):
        problems.append(f"the events are numbered up to {expected_aggregate_sequence - 1} in their budget year, but there are "
                        f"{len(lines)} of them")
    for event_type in sorted(types):
        if f"schemas/{event_type}.schema.json" not in names:
            problems.append(f"the archive has no schema of {event_type} (schemas/{event_type}.schema.json)")
    return report(problems, f"ok: {len(lines)} events of {aggregate}, each in the tree of {digest['treeSize']} events "
                            f"signed by key {digest['keyId']}")


def manifest_problems(manifest, digest, events_bytes, keys):
    """The manifest's signature: the ledger's word for the unit, year, tree size, number and file of the events."""
    for field in ("unit", "year", "treeSize", "eventCount", "eventsSha256", "signature", "keyId"):
        if field not in manifest:
            return [f"the manifest has no {field}"]
    problems = []
    text = "\n".join([ARCHIVE_SIGNED_AS, str(manifest["unit"]), str(manifest["year"]), str(manifest["treeSize"]),
                      str(manifest["eventCount"]), str(manifest["eventsSha256"])]).encode("ascii")
    raw = keys.get(manifest["keyId"])
    if raw is None:
        problems.append(f"the manifest is signed with key {manifest['keyId']}, which the public keys given do not hold")
    elif not ed25519_verify(raw, text, base64.b64decode(manifest["signature"])):
        problems.append("the manifest's signature does not hold: its unit, year, tree size, number of events or the "
                        "SHA-256 of the events is not what the ledger signed")
    if hashlib.sha256(events_bytes).hexdigest() != manifest["eventsSha256"]:
        problems.append(f"{manifest.get('events')} is not the file the ledger wrote: its SHA-256 differs from the manifest's")
    if int(manifest["treeSize"]) != int(digest.get("treeSize", -1)):
        problems.append(f"the manifest is of a tree of {manifest['treeSize']} events, the digest of {digest.get('treeSize')}")
    return problems


def command_selftest(arguments):
    problems = []
    # RFC 8032 §7.1, TEST 1 (the empty message) and TEST 2 (one byte)
    for public, message, signature in [
        ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]:
        if not ed25519_verify(bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)):
            problems.append(f"Ed25519: RFC 8032's signature of key {public[:16]}… does not verify")
        if ed25519_verify(bytes.fromhex(public), bytes.fromhex(message) + b"x", bytes.fromhex(signature)):
            problems.append(f"Ed25519: RFC 8032's signature of key {public[:16]}… verifies for another message")
    # certificate-transparency's Merkle tree test vectors: the root of the first 8 leaves
    leaves = [b"", b"\x00", b"\x10", b"\x20\x21", b"\x30\x31", b"\x40\x41\x42\x43", bytes(range(0x50, 0x58)), bytes(range(0x60, 0x70))]
    if merkle_root([leaf_hash(leaf) for leaf in leaves]).hex() != "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328":
        problems.append("Merkle: the root of the reference tree of 8 leaves differs")
    return report(problems, "ok: Ed25519 (RFC 8032 test vectors) and the Merkle tree (CT test vectors)")


def merkle_root(leaves):
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def canonical_recorded_at(text):
    # the export writes ISO-8601 instants; the hash uses UTC with exactly six decimals
    instant = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond:06d}Z"


def event_hash(row, previous):
    header = "\n".join(["budget-ledger-event-v1", previous, row["eventId"], row["aggregateId"], row["aggregateSequence"],
                        row["type"], canonical_recorded_at(row["recordedAt"]), row["transactionId"]]) + "\n"
    return hashlib.sha256(header.encode("utf-8") + row["payload"].encode("utf-8")).hexdigest()


def command_chain(arguments):
    digest = None
    if "--digest" in arguments:
        sequence, value = option(arguments, "--digest").split(":")
        digest = (int(sequence), value)
    running, checked, digest_seen = GENESIS, 0, digest is None
    with open(arguments[0], encoding="utf-8-sig", newline="") as export:
        for row in csv.DictReader(export):
            checked += 1
            if row["previousHash"] != running:
                return report([f"event {row['sequence']} ({row['eventId']}): does not link to the event before it"], "")
            if event_hash(row, running) != row["hash"]:
                return report([f"event {row['sequence']} ({row['eventId']}): its content does not match its hash"], "")
            if digest and int(row["sequence"]) == digest[0]:
                if row["hash"] != digest[1]:
                    return report([f"event {row['sequence']}: differs from the digest"], "")
                digest_seen = True
            running = row["hash"]
    if not digest_seen:
        return report([f"the event the digest commits to ({digest[0]}) is missing"], "")
    return report([], f"ok: {checked} events, newest hash {running}")


def option(arguments, name):
    if name not in arguments or arguments.index(name) + 1 >= len(arguments):
        raise Unreadable(f"{name} is missing (see the header of this script)")
    return arguments[arguments.index(name) + 1]


def report(problems, success):
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(success)
    return 0


COMMANDS = {"chain": command_chain, "digest": command_digest, "inclusion": command_inclusion,
            "consistency": command_consistency, "archive": command_archive, "selftest": command_selftest}


def main(arguments):
    if not arguments:
        print(__doc__)
        return 2
    command = COMMANDS.get(arguments[0])
    if command is None:  # the version before the subcommands: a CSV export alone
        command, arguments = command_chain, arguments
    else:
        arguments = arguments[1:]
    try:
        return command(arguments)
    except Unreadable as unreadable:
        print(unreadable)
        return 2
    except (KeyError, ValueError, IndexError) as malformed:
        print(f"not what the ledger answers: {type(malformed).__name__} {malformed}")
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
