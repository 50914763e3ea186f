"""The W3C Nu HTML validator (vnu.jar from node_modules, on the machine's Java) on the built pages."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import urllib.parse

VNU_JAR = os.path.join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")  # from the repository's top


class ToolMissing(Exception):
    """A tool the check needs is not installed; the message says how to install it."""


def html_files(site_dir: str) -> list[str]:
    return sorted(glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True))


def vnu_command(paths: list[str], jar: str) -> list[str]:
    java = shutil.which("java")
    if not java or not os.path.isfile(jar):
        raise ToolMissing(
            "the W3C validator needs Java and node_modules/vnu-jar: `make check` and `make test` "
            "install both (apt-get install default-jre-headless; npm ci --ignore-scripts)"
        )
    return [java, "-Xss4m", "-jar", jar, "--format", "json", "--skip-non-html", *paths]


def vnu_report(stdout: str, stderr: str, base: str) -> list[str]:
    """The validator's errors, as `page:line: message` relative to `base`."""
    try:
        messages = json.loads(stderr or stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"the W3C validator failed: {stderr[-2000:]}") from None
    out = []
    for m in messages:
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal":
            rel = os.path.relpath(urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path), base)
            out.append(f"{rel}:{m.get('lastLine', 0)}: {m['message']}")
    return out


def vnu_problems(paths: list[str], base: str, jar: str = VNU_JAR) -> list[str]:
    """Errors of the W3C Nu HTML validator on the given files: one Java process for all of them."""
    proc = subprocess.run(vnu_command(paths, jar), capture_output=True, text=True)
    return vnu_report(proc.stdout, proc.stderr, base)


class Validator:
    """The validator running in the background (one Java process) while the other checks run."""

    def __init__(self, paths: list[str], base: str, jar: str = VNU_JAR) -> None:
        self.base = base
        self.proc = subprocess.Popen(vnu_command(paths, jar), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def problems(self) -> list[str]:
        stdout, stderr = self.proc.communicate()
        return vnu_report(stdout, stderr, self.base)
