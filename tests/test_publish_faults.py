"""Publishing under faults: `kill -9` of the build at many moments (and between the steps of the swap) always
leaves the old or the new complete site; two builds started together never publish a partial site; a
read-only, foreign-owned or full disk, or a file where a folder should be, ends in one sentence and exit
code 2, never a traceback, with the old site untouched; leftovers of a killed build are cleaned."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from conftest import BUILD_DATE, ROOT, TORV
from renderers import RENDERER
from torv.publish import WAITING

pytestmark = pytest.mark.slow

BASE = os.path.join(ROOT, "tests", "golden", "base")
CONFIG = os.path.join(ROOT, "tests", "fixtures", "havbjerg", "mkdocs.yml")
LOGO = os.path.join(ROOT, "tests", "fixtures", "havbjerg", "docs", "logo.svg")
PAGE = "docs/om.da.md"


def make_tree(dest: str) -> str:
    shutil.copytree(BASE, dest)
    shutil.copyfile(CONFIG, os.path.join(dest, "mkdocs.yml"))
    shutil.copyfile(LOGO, os.path.join(dest, "docs", "logo.svg"))  # the fixture's extra.torv.logo
    shutil.copytree(os.path.join(ROOT, "overrides"), os.path.join(dest, "overrides"))
    return dest


def build_cmd(root: str) -> list[str]:
    """The `torv build` command with the renderer under test (conftest.run_build's, as a command to start)."""
    return [*TORV, "build", "--root", root, "--today", BUILD_DATE, "--renderer", RENDERER]


def build(root: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(build_cmd(root), capture_output=True, text=True, timeout=600, **kw)


def manifest(site: str) -> dict:
    """Every file of a site with its hash (the .gz sitemaps carry a time stamp: only their presence counts)."""
    out = {}
    for dirpath, _, filenames in os.walk(site):
        for f in filenames:
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, site)
            if f.endswith(".gz"):
                out[rel] = "gz"
                continue
            try:
                with open(path, "rb") as fh:
                    out[rel] = hashlib.sha256(fh.read()).hexdigest()
            except FileNotFoundError:
                out[rel] = "vanished"
    return out


def edit_title(root: str, title: str) -> None:
    path = os.path.join(root, PAGE)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1))


def leftovers(root: str) -> list[str]:
    return [n for n in os.listdir(root) if n.startswith(".site-")]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """A tree with its old site built, the new site's manifest (after a title change), a saved copy of the
    old site and the time a full build takes."""
    root = make_tree(str(tmp_path_factory.mktemp("faults") / "repo"))
    proc = build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    old = manifest(os.path.join(root, "site"))
    saved = str(tmp_path_factory.mktemp("saved") / "site")
    shutil.copytree(os.path.join(root, "site"), saved)
    edit_title(root, "Om hjemmesiden, ny udgave")
    started = time.monotonic()
    proc = build(root)
    duration = time.monotonic() - started
    assert proc.returncode == 0, proc.stdout + proc.stderr
    new = manifest(os.path.join(root, "site"))
    assert old != new
    return {"root": root, "old": old, "new": new, "saved": saved, "duration": duration}


def put_back_old_site(s: dict) -> None:
    site = os.path.join(s["root"], "site")
    shutil.rmtree(site)
    shutil.copytree(s["saved"], site)
    for name in leftovers(s["root"]):
        shutil.rmtree(os.path.join(s["root"], name))
    assert manifest(site) == s["old"]


def state(s: dict) -> str:
    got = manifest(os.path.join(s["root"], "site"))
    return "old" if got == s["old"] else "new" if got == s["new"] else "partial"


def test_kill_9_at_many_moments_leaves_the_old_or_the_new_complete_site(sites):
    seen = []
    # The build's time was measured once; on a busy machine a build takes longer, so the later kills come at
    # up to three times that, until one falls after the publishing step.
    for fraction in (0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.92, 0.96, 0.99, 1.02, 1.5, 2.0, 3.0):
        if fraction > 1.02 and "new" in seen:
            break
        put_back_old_site(sites)
        proc = subprocess.Popen(
            build_cmd(sites["root"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(sites["duration"] * fraction)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the build and its renderers, as kill -9 would
        proc.wait()
        seen.append(state(sites))
        assert seen[-1] in ("old", "new"), f"killed at {fraction:.0%} of a build: a partial site"
    # the next build cleans what the killed ones left and publishes the new site
    done = build(sites["root"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert state(sites) == "new" and not leftovers(sites["root"])
    assert "old" in seen and "new" in seen, seen  # the kills fell before and after the publishing step


SWAP_CHILD = textwrap.dedent("""
    import os, signal, sys
    from torv import publish as swap
    mode, new, out = sys.argv[1:]
    if mode == "rename":                  # no RENAME_EXCHANGE: two renames, killed between them
        swap._RENAMEAT2 = None
        rename = os.rename
        def killing_rename(a, b):
            rename(a, b)
            os.kill(os.getpid(), signal.SIGKILL)
        os.rename = killing_rename
    else:                                 # the exchange, killed before the old site is deleted
        swap.shutil.rmtree = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    swap.publish(new, out)
""")


@pytest.mark.parametrize("mode", ["exchange", "rename"])
def test_kill_9_between_the_steps_of_the_swap(tmp_path, mode):
    from torv import publish as swap

    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    new = swap.new_folder(str(out))
    with open(os.path.join(new, "index.html"), "w", encoding="utf-8") as fh:
        fh.write("new")
    proc = subprocess.run([sys.executable, "-c", SWAP_CHILD, mode, new, str(out)])
    assert proc.returncode == -signal.SIGKILL
    if mode == "exchange":
        assert (out / "index.html").read_text(encoding="utf-8") == "new"  # published in one step
    else:
        assert not out.exists()  # between the two renames
    assert leftovers(str(tmp_path))
    swap.recover(str(out))  # what the next build does first
    assert (out / "index.html").read_text(encoding="utf-8") == ("new" if mode == "exchange" else "old")
    assert not leftovers(str(tmp_path))


def test_two_builds_started_together_never_publish_a_partial_site(sites):
    put_back_old_site(sites)
    procs = [
        subprocess.Popen(build_cmd(sites["root"]), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    old_paths, new_paths = set(sites["old"]), set(sites["new"])
    observed = 0
    while any(p.poll() is None for p in procs):
        paths = set(manifest(os.path.join(sites["root"], "site")))
        assert paths in (old_paths, new_paths), "a partial site was published"
        observed += 1
        time.sleep(0.05)
    outputs = [p.communicate()[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert sum(WAITING in o for o in outputs) == 1, outputs
    assert state(sites) == "new" and not leftovers(sites["root"]) and observed > 10


def test_leftovers_of_a_killed_build_are_cleaned(sites):
    put_back_old_site(sites)
    for name in (".site-new-abc123", ".site-old-def456", "site.old"):
        os.makedirs(os.path.join(sites["root"], name, "da"))
    proc = build(sites["root"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not leftovers(sites["root"]) and state(sites) == "new"
    assert not os.path.exists(os.path.join(sites["root"], "site.old"))


def one_sentence(proc: subprocess.CompletedProcess, words: str) -> str:
    out = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 2, out
    assert "Traceback" not in out and 'File "' not in out, out
    assert len(out.splitlines()) == 1, out
    assert words in out and "Nothing was published; the previous site/ is unchanged." in out, out
    return out


def test_a_file_where_the_build_folder_should_be(tmp_path):
    root = make_tree(str(tmp_path / "repo"))
    with open(os.path.join(root, "build"), "w") as fh:
        fh.write("not a folder")
    one_sentence(build(root), "a file is where a folder should be")
    assert not os.path.exists(os.path.join(root, "site"))


# ---------------------------------------------------------------- read-only, full, foreign (need root)


def can_mount() -> bool:
    if os.geteuid() != 0:
        return False
    probe = tempfile.mkdtemp()
    try:
        ok = (
            subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], capture_output=True).returncode
            == 0
        )
        if ok:
            subprocess.run(["umount", probe], check=True)
        return ok
    finally:
        os.rmdir(probe)


needs_mount = pytest.mark.skipif(not can_mount(), reason="needs root and tmpfs mounts (run as root, as in CI)")


@pytest.fixture
def small_disk():
    """A 48 MB tmpfs holding a tree with its old site built."""
    mount = tempfile.mkdtemp()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount], check=True)
    try:
        root = make_tree(os.path.join(mount, "repo"))
        proc = build(root)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        edit_title(root, "Om hjemmesiden, ny udgave")
        yield mount, root
    finally:
        subprocess.run(["umount", "-l", mount], check=False)
        os.rmdir(mount)


@needs_mount
def test_a_full_disk_ends_in_one_sentence_and_the_old_site_stays(small_disk):
    mount, root = small_disk
    before = manifest(os.path.join(root, "site"))
    free = shutil.disk_usage(mount).free
    with open(os.path.join(mount, "filler"), "wb") as fh:  # leave 300 kB: the build runs out mid-way
        fh.write(b"\0" * max(0, free - 300_000))
    one_sentence(build(root), "the disk is full")
    assert manifest(os.path.join(root, "site")) == before


@needs_mount
def test_a_read_only_disk_ends_in_one_sentence_and_the_old_site_stays(small_disk):
    mount, root = small_disk
    before = manifest(os.path.join(root, "site"))
    subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
    one_sentence(build(root), "read-only")
    assert manifest(os.path.join(root, "site")) == before


SETPRIV = shutil.which("setpriv")
DROP = "-dac_override,-dac_read_search,-fowner"  # what lets root write into any folder


@pytest.mark.skipif(os.geteuid() != 0 or not SETPRIV, reason="needs root and setpriv (util-linux)")
@pytest.mark.parametrize("foreign", ["build", "site"])
def test_a_folder_of_another_user_ends_in_one_sentence(tmp_path, foreign):
    """build/ or site/ belongs to `nobody` (mode 0755). The build runs as root without the capabilities
    that let root write into anybody's folder: as any user meets a folder of another user."""
    root = make_tree(str(tmp_path / "repo"))
    folder = os.path.join(root, foreign)
    os.makedirs(os.path.join(folder, "da"))
    with open(os.path.join(folder, "da", "index.html"), "w") as fh:
        fh.write("the old site")
    for path in (folder, os.path.join(folder, "da"), os.path.join(folder, "da", "index.html")):
        os.chown(path, 65534, 65534)
    os.chmod(folder, 0o755)
    before = manifest(os.path.join(root, "site")) if foreign == "site" else None
    proc = subprocess.run(
        [str(SETPRIV), f"--bounding-set={DROP}", "--", *build_cmd(root)], capture_output=True, text=True, timeout=600
    )
    out = one_sentence(proc, "permission denied")
    assert f"to {foreign}" in out, out
    if before is not None:
        assert manifest(os.path.join(root, "site")) == before
