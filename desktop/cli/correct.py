"""``correct RECORD_ID --set field=value … --reason R`` and ``revoke UVCI --reason R --pin-stdin``.

A correction creates a new record that supersedes the certified one; it is then checked, signed
(as a correction) and synced like any new record, and the old certificate becomes superseded. A
revocation (a certificate issued in error) is signed with the token and sent to the central service.
"""

from __future__ import annotations

from desktop.certificates.corrections import CORRECTABLE, correct_record, parse_changes
from desktop.certificates.revocation import revoke_certificate
from desktop.cli import UsageError


def register(subparsers) -> None:
    correct = subparsers.add_parser(
        "correct", help="correct a certified record (name, date of birth, dose …) and have it re-issued",
        description=f"Fields: {', '.join(CORRECTABLE)} (aliases: name, dob, dose, id, date).")
    correct.add_argument("record_id", type=int)
    correct.add_argument("--set", dest="changes", action="append", default=[], metavar="FIELD=VALUE",
                         help="a corrected value; repeat for several fields")
    correct.add_argument("--reason", default="", help="why the certificate is corrected (required)")
    correct.set_defaults(handler=run_correct, permission="correct")
    revoke = subparsers.add_parser(
        "revoke", help="revoke a certificate issued in error (signed with the token, sent to the central service)")
    revoke.add_argument("uvci")
    revoke.add_argument("--reason", default="", help="why the certificate is revoked (required)")
    revoke.add_argument("--pin-stdin", action="store_true", help="read the token PIN from one line of stdin")
    revoke.set_defaults(handler=run_revoke, permission="revoke")


def run_correct(args, ctx) -> dict:
    if not args.changes:
        raise UsageError("correct: give at least one --set field=value")
    changes = parse_changes(args.changes)
    result = correct_record(ctx.workspace, args.record_id, changes, args.reason, ctx.actor).as_dict()
    ctx.err("Bản đính chính sẽ được đối chiếu, ký và đồng bộ như bản ghi mới. / "
            "The correction is checked, signed and synced like a new record.")
    return result


def run_revoke(args, ctx) -> dict:
    from desktop.signing.handler import CommandLineHandler

    handler = CommandLineHandler(stdin=ctx.stdin, use_stdin=args.pin_stdin)
    return revoke_certificate(ctx.workspace, args.uvci, args.reason, handler, ctx.actor).as_dict()
