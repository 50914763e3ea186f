"""Publish a finished site in one atomic step, one build at a time, and clean up what a killed build left.

On Linux the new folder and the old `site/` are exchanged with renameat2(RENAME_EXCHANGE): at every
moment `site/` is either the complete old site or the complete new one, and stays a real folder
(GitHub Pages' upload-pages-artifact packs `site/` as it is). Where the exchange is not available
(another system, a file system without it) two renames are used, and a build killed between them
leaves the old site as `.site-old-*`, which the next build puts back before anything else.
A build holds the lock of its build folder (`build_lock`) from start to end, so no other build's
folders are touched and a second build of the same folder waits for the first.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator

try:
    import fcntl
except ImportError:  # not POSIX: builds are not serialised
    fcntl = None  # type: ignore[assignment]

AT_FDCWD = -100
RENAME_EXCHANGE = 2
NEW, OLD = "new", "old"
WAITING = "Another build of this folder is running: waiting for it to finish ..."


@contextlib.contextmanager
def build_lock(folder: str, log: Callable[[str], object] = print) -> Iterator[None]:
    """Hold an exclusive lock (flock) on `folder`, created if missing, for the block. A second build of the
    same folder waits, then builds and publishes its own complete site. The lock ends with the process,
    so a killed build never leaves the folder locked."""
    os.makedirs(folder, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log(WAITING)
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _renameat2()


def exchange(a: str, b: str) -> bool:
    """Swap two folders atomically; False when this system or file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), b)


def leftover_prefix(out: str, kind: str) -> str:
    return f".{os.path.basename(out)}-{kind}-"


def new_folder(out: str) -> str:
    """A fresh folder next to `out` to assemble the new site in (same file system: renames are atomic)."""
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    return tempfile.mkdtemp(prefix=leftover_prefix(out, NEW), dir=parent)


def recover(out: str) -> list[str]:
    """Undo what a killed build left: put a saved old site back if `site/` is missing, delete the rest
    (and the `site.old` builds before the atomic swap left). Returns the names removed."""
    parent = os.path.dirname(out)
    if not os.path.isdir(parent):
        return []
    names = sorted(os.listdir(parent))
    olds = [n for n in names if n.startswith(leftover_prefix(out, OLD))]
    if olds and not os.path.lexists(out):
        os.rename(os.path.join(parent, olds[-1]), out)  # a build died between its two renames
        olds = olds[:-1]
    legacy = [n for n in names if n == os.path.basename(out) + ".old"]
    removed = []
    for name in olds + legacy + [n for n in names if n.startswith(leftover_prefix(out, NEW))]:
        path = os.path.join(parent, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
        removed.append(name)
    return removed


def publish(new: str, out: str) -> None:
    """Make the finished folder `new` the site at `out` in one step; the old site is then deleted."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return
    if exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old site
        return
    old = tempfile.mkdtemp(prefix=leftover_prefix(out, OLD), dir=os.path.dirname(out))
    os.rmdir(old)
    os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["WAITING", "build_lock", "exchange", "new_folder", "publish", "recover"]
