"""`python -m mock_portal serve --host 127.0.0.1 --port 8080 --db PATH [--test-api --test-api-token T]`"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from mock_portal.settings import Settings


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m mock_portal", description="科学技术部政务服务平台（模拟）")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="serve the portal")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument("--db", type=Path, default=Path("reports/portal.db"))
    s.add_argument("--test-api", action="store_true", help="enable /__test__ (never on a shared host)")
    s.add_argument("--test-api-token", default=os.environ.get("PORTAL_TEST_API_TOKEN"))
    s.add_argument("--fault-profile", action="append", default=[], help="legacy-browser, garbled-registration, …")
    s.add_argument("--password-policy", choices=["dengbao", "asvs"], default="dengbao")
    s.add_argument("--idle-timeout-minutes", type=int, default=30)
    s.add_argument("--synthesis-seconds", type=float, default=0.0)
    s.add_argument("--log-file", type=Path, default=None)
    s.add_argument(
        "--staging-captcha",
        default=os.environ.get("PORTAL_STAGING_CAPTCHA"),
        help="a fixed captcha answer, as on a staging portal (env PORTAL_STAGING_CAPTCHA)",
    )
    s.add_argument(
        "--sms-outbox",
        type=Path,
        default=None,
        help="append every SMS sent to this file, one JSON line each (a staging SMS gateway's log)",
    )
    s.add_argument(
        "--captcha-outbox",
        type=Path,
        default=None,
        help="append every captcha answer issued to this file, one JSON line each, keyed by the SHA-256 of the "
        "session cookie (a staging portal's captcha log; read by tools/captcha_sink_read.py)",
    )
    s.add_argument(
        "--markup",
        choices=["standard", "plain"],
        default="standard",
        help="plain: other ids/classes, no test ids, no ARIA, headings one level lower (same texts)",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    import uvicorn

    from mock_portal.app import create_app

    if args.test_api and not args.test_api_token:
        print("--test-api needs --test-api-token (or PORTAL_TEST_API_TOKEN)", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO, filename=args.log_file, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    settings = Settings(
        db_path=args.db,
        test_api=args.test_api,
        test_api_token=args.test_api_token or "",
        fault_profiles=frozenset(args.fault_profile),
        password_policy=args.password_policy,
        idle_timeout_minutes=args.idle_timeout_minutes,
        synthesis_seconds=args.synthesis_seconds,
        staging_captcha=args.staging_captcha,
        sms_outbox=args.sms_outbox,
        captcha_outbox=args.captcha_outbox,
        markup=args.markup,
    )
    app = create_app(settings)
    # Bind first so that `--port 0` works: the chosen port is printed before serving, and
    # connections made right after that line are queued by the listening socket.
    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        print(f"端口 {args.port} 不可用 (port in use?): {exc}", file=sys.stderr)
        return 2
    sock.listen(128)
    port = sock.getsockname()[1]
    print(f"mock_portal listening on http://{args.host}:{port}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
