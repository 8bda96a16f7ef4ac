#!/usr/bin/env python3
"""Give Playwright an ffmpeg without `playwright install` (which cannot download here).

Playwright records video with its own ffmpeg build, looked up at
$PLAYWRIGHT_BROWSERS_PATH/ffmpeg-<revision>/ffmpeg-linux. The PyPI wheel `imageio-ffmpeg`
ships a static ffmpeg with VP8, so we symlink it there. The revision is read from the
installed Playwright's browsers.json, so a Playwright upgrade needs no change here.
Idempotent: an existing correct link is left alone.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ffmpeg_revision() -> str:
    import playwright

    browsers_json = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    for browser in json.loads(browsers_json.read_text(encoding="utf-8"))["browsers"]:
        if browser["name"] == "ffmpeg":
            return browser["revision"]
    raise SystemExit(f"ffmpeg revision not found in {browsers_json}")


def main() -> int:
    import imageio_ffmpeg

    source = Path(imageio_ffmpeg.get_ffmpeg_exe()).resolve()
    browsers_path = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or ROOT / ".playwright")
    target = browsers_path / f"ffmpeg-{ffmpeg_revision()}" / "ffmpeg-linux"
    if target.is_symlink() and target.resolve() == source:
        print(f"ffmpeg: {target} -> {source} (already linked)")
        return 0
    if target.is_file() and not target.is_symlink():  # `playwright install` downloaded its own: keep it
        print(f"ffmpeg: {target} (Playwright's own build, kept)")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.exists():
        target.unlink()
    target.symlink_to(source)
    print(f"ffmpeg: linked {target} -> {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
