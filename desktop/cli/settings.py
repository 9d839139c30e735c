"""``settings show|set|test``: the workspace's settings, validated; secrets only via stdin."""

from __future__ import annotations

from desktop.diagnosis import Diagnosis
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.settings import OPTIONS, validate_setting

_SECRET = {o.key for o in OPTIONS if o.secret}


def register(subparsers) -> None:
    parser = subparsers.add_parser("settings", help="show, change and test the workspace's settings")
    sub = parser.add_subparsers(dest="settings_command", required=True)
    sub.add_parser("show", help="every setting with its value (secrets only say whether they are set)") \
        .set_defaults(handler=run, permission="view")
    set_ = sub.add_parser("set", help="change one setting (secrets: --value-stdin)")
    set_.add_argument("key", choices=[o.key for o in OPTIONS])
    set_.add_argument("value", nargs="?")
    set_.add_argument("--value-stdin", action="store_true", help="read the value from stdin (required for secrets)")
    set_.set_defaults(handler=run, permission="settings")
    test = sub.add_parser("test", help="test the connection to the registry, the central service or the token")
    test.add_argument("target", choices=("registry", "central", "token"))
    test.set_defaults(handler=run, permission="settings")


def run(args, ctx) -> dict | list:
    settings = ctx.workspace.settings
    command = args.settings_command
    if command == "show":
        out = []
        for option in OPTIONS:
            value = settings.get(option.key)
            out.append({"key": option.key, "value": (bool(value) if option.secret else value),
                        "secret": option.secret, "description": option.description})
        return out
    if command == "set":
        return _set(args, ctx, settings)
    return _test(args.target, settings, ctx.workspace).as_dict()


def _set(args, ctx, settings) -> dict:
    if args.key in _SECRET and not args.value_stdin:
        raise UserError(
            tr("{key} là bí mật: nhập qua stdin với --value-stdin, không ghi trên dòng lệnh.",
               "{key} is a secret: give it on stdin with --value-stdin, never on the command line.", key=args.key),
            code="secret_on_command_line",
        )
    if args.value_stdin:
        value = ctx.stdin.readline().rstrip("\r\n")
    elif args.value is None:
        raise UserError(tr("Thiếu giá trị cho {key}.", "A value for {key} is missing.", key=args.key),
                        code="missing_value")
    else:
        value = args.value
    value = validate_setting(args.key, value)
    settings.set(args.key, value)
    settings.save()
    return {"key": args.key, "value": bool(value) if args.key in _SECRET else value}


def _test(target: str, settings, workspace) -> Diagnosis:
    from desktop.registry.connection import check_registry
    from desktop.signing.connection import check_token
    from desktop.sync.connection import check_central

    if target == "registry":
        result = check_registry(settings.get("registry_url"), settings.get("registry_token"),
                                settings.get("registry_timeout"))
    elif target == "central":
        result = check_central(settings.get("central_url"), settings.get("central_ca_file"),
                               settings.get("central_timeout"))
    else:
        result = check_token(settings.get("token_module"), settings.get("token_label"), workspace)
    if not result.ok:
        raise UserError(result.message, code=result.code, details=result.as_dict())
    return result
