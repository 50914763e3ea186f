"""Problems found in content: one record each, with a stable code, collected before anything stops.

Every message starts with the file path (pelican's rule) and reads `path:line: severity: field: message`
(severity: error, warning or note). A report
renders as plain text, GitHub Actions annotations (titled with the code) or JSON (with the code). The
codes and what they mean are in codes.py.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from dataclasses import field as dc_field

from . import codes

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # draft / scheduled: reported, not a fault


@dataclass(frozen=True)
class Problem:
    code: str  # T001 ... (codes.py)
    path: str
    line: int
    field: str
    message: str
    severity: str = ERROR

    def text(self) -> str:
        where = f"{self.path}:{self.line}"
        prefix = f"{self.severity}: "
        fld = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{fld}{self.message}"

    def github(self) -> str:
        kind = {ERROR: "error", WARNING: "warning", NOTE: "notice"}[self.severity]
        msg = (f"{self.field}: " if self.field else "") + self.message
        # GitHub annotation values escape %, CR and LF; properties also ',' and ':'
        msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        line = f",line={self.line}" if self.line else ""
        return f"::{kind} file={path}{line},title=Torv {self.code}::{msg}"

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass
class Report:
    problems: list[Problem] = dc_field(default_factory=list)
    files_checked: int = 0

    def add(self, problem: Problem) -> None:
        """Keep a problem (once; a problem with no line is shown on line 1)."""
        if not problem.line:
            problem = dataclasses.replace(problem, line=1)
        if problem not in self.problems:
            self.problems.append(problem)

    # `code` is given by every check in Torv; its default is for checks written before codes (statement.py)
    def error(self, path: str, line: int, field: str, message: str, code: str = codes.RULE) -> None:
        self.add(Problem(code, path, line, field, message, ERROR))

    def warning(self, path: str, line: int, field: str, message: str, code: str) -> None:
        self.add(Problem(code, path, line, field, message, WARNING))

    def note(self, path: str, line: int, field: str, message: str, code: str) -> None:
        self.add(Problem(code, path, line, field, message, NOTE))

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.line, p.field, p.message))

    def strict(self) -> Report:
        """Warnings become errors (`--strict`)."""
        out = Report(files_checked=self.files_checked)
        for p in self.problems:
            sev = ERROR if p.severity == WARNING else p.severity
            out.problems.append(dataclasses.replace(p, severity=sev))
        return out

    def summary(self) -> str:
        def n(k: int, word: str) -> str:
            return f"{k} {word}{'' if k == 1 else 's'}"

        notes = self.count(NOTE)
        extra = f", {n(notes, 'note')}" if notes else ""
        return (
            f"{n(self.errors, 'error')}, {n(self.warnings, 'warning')}{extra}, {n(self.files_checked, 'file')} checked"
        )

    def render(self, fmt: str = "text") -> str:
        probs = self.sorted()
        if fmt == "json":
            return json.dumps(
                {
                    "problems": [p.as_dict() for p in probs],
                    "errors": self.errors,
                    "warnings": self.warnings,
                    "files_checked": self.files_checked,
                },
                ensure_ascii=False,
                indent=2,
            )
        if fmt == "github":
            lines = [p.github() for p in probs]
            lines.append(self.summary())
            return "\n".join(lines)
        lines = collapse([p.text() for p in probs])
        lines.append(self.summary())
        return "\n".join(lines)


def collapse(lines: list[str], limit: int = 3) -> list[str]:
    """Collapse runs of the same message (after the location) into one line plus a count and where."""
    out: list[str] = []
    seen: dict[str, int] = {}
    hidden: dict[str, list[str]] = {}
    for line in lines:
        where, sep, key = line.partition(": ")
        if not sep:
            key = line
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            out.append(line)
        else:
            hidden.setdefault(key, []).append(where)
    for key, k in seen.items():
        if k > limit:
            places = hidden[key]
            shown_places = ", ".join(places[:10]) + (", ..." if len(places) > 10 else "")
            out.append(f"... and {k - limit} more like: {key} (in {shown_places})")
    return out
