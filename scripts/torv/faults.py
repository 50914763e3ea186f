"""Faults of the machine, not of the content (full disk, read-only or foreign folders): one plain sentence.

A build that meets one stops with exit code 2 and this sentence, never a traceback; the previous
site is untouched because nothing is published until the very last, atomic step (publish.py).
"""

from __future__ import annotations

import errno
import os
import re

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied (the folder is read-only or belongs to another user)",
    errno.EPERM: "permission denied (the folder is read-only or belongs to another user)",
    errno.ENOTDIR: "a file is where a folder should be",
    errno.EEXIST: "a file is where a folder should be",
    errno.EISDIR: "a folder is where a file should be",
    errno.ENAMETOOLONG: "a name is too long for the file system",
    errno.EMFILE: "too many files are open",
}
# How an OSError reads in a renderer's output: "[Errno 28] No space left on device: '/x/y'"
ERRNO_TEXT = re.compile(r"\[Errno (\d+)\] ([^:\n]+)(?:: '([^'\n]*)')?")


def shown_path(path: str | None, root: str) -> str:
    if not path:
        return "the build folders"
    path = os.path.abspath(os.fsdecode(path))
    rel = os.path.relpath(path, root)
    return rel.replace(os.sep, "/") if not rel.startswith("..") else path


def sentence(exc: OSError, root: str, previous: str) -> str:
    """One sentence for an editor or an administrator: what, where, and that nothing changed."""
    reason = REASONS.get(exc.errno or 0, (exc.strerror or str(exc)).rstrip(".").lower() or "it failed")
    return (
        f"The site could not be written to {shown_path(exc.filename, root)}: {reason}. "
        f"Nothing was published; the previous {previous} is unchanged."
    )


def in_output(text: str) -> OSError | None:
    """The machine fault a renderer's output reports (its last one), or None when it reports none."""
    found = None
    for m in ERRNO_TEXT.finditer(text):
        code = int(m.group(1))
        if code in REASONS:
            found = OSError(code, m.group(2), m.group(3))
    return found


def check_writable(paths: list[str]) -> None:
    """Raise PermissionError for the first existing path this process may not change (before anything is
    written). A folder that does not exist yet is checked through its parent."""
    for path in paths:
        target = path
        while not os.path.lexists(target):
            parent = os.path.dirname(target)
            if parent == target:
                break
            target = parent
        if os.path.lexists(target) and not os.path.isdir(target):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), target)
        if not os.access(target, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
