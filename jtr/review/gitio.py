"""The roadmap as git stores it, through the `git` command (no library, no network).

A file is named by its path in the working tree; git wants it relative to the repository's
top level, so every call first resolves that (symlinks included). One blob is read with
`git show REV:path`; history reads every version through a single `git log` and a single
`git cat-file --batch` process, so reading N commits costs a few processes, not N.

What git holds is read under the same size limit as a file (jtr.fileio: 64 MiB unless
`--max-bytes` or `$JTR_MAX_BYTES` says otherwise), its size asked of git before a byte of it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from jtr.labels import message

NULL_BLOB = "0" * 40


class GitError(Exception):
    """git could not give what was asked; the message is one line, fit for `jtr: error:`."""


class RepoPath(NamedTuple):
    top: Path  # the repository's top level (resolved)
    rel: str  # the file's path inside it, with forward slashes


class Commit(NamedTuple):
    hash: str
    parents: tuple[str, ...]
    date: str  # author date, strict ISO 8601 with offset
    author: str
    email: str
    subject: str
    old_blob: str | None  # the file before this commit (first parent), None if it did not exist
    new_blob: str | None  # the file after it, None if the commit deleted it

    @property
    def short(self) -> str:
        return self.hash[:10]


def _env() -> dict[str, str]:
    # Plain, untranslated output whatever the user's configuration; never page or prompt.
    env = dict(os.environ)
    env.update(LC_ALL="C", GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):  # set by hooks that call us
        env.pop(name, None)
    return env


def run_git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """git's stdout; GitError with git's own first line of complaint on failure."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False
        )
    except FileNotFoundError:
        raise GitError(message("err_git_missing")) from None
    if done.returncode != 0:
        # git's own words (in English: LC_ALL=C), else that it failed in the run's language
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = next((m for m in said if m.startswith("fatal:")), said[0] if said else "")
        raise GitError(first.removeprefix("fatal: ") or message("err_git_failed", command=args[0]))
    return done.stdout


def locate(path: Path) -> RepoPath:
    """The repository holding `path` and the path inside it; GitError if it is not in one."""
    real = path.resolve()
    folder = real.parent
    while not folder.is_dir() and folder != folder.parent:  # a file deleted with its folder
        folder = folder.parent
    try:
        top = run_git(["rev-parse", "--show-toplevel"], folder).decode("utf-8").strip()
    except GitError:
        raise GitError(message("err_not_in_repository", path=path)) from None
    top_path = Path(top).resolve()
    try:
        rel = real.relative_to(top_path).as_posix()
    except ValueError:
        raise GitError(message("err_outside_repository", path=path, top=top_path)) from None
    return RepoPath(top_path, rel)


def resolve_revision(repo: RepoPath, rev: str) -> str:
    """The commit a revision names, or GitError('unknown revision')."""
    if rev.startswith("-"):
        raise GitError(message("err_unknown_revision", rev=repr(rev)))
    try:
        out = run_git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo.top
        )
    except GitError:
        raise GitError(message("err_unknown_revision_in", rev=repr(rev), top=repo.top)) from None
    return out.decode("ascii").strip()


def size_limit() -> int:
    """The largest blob jtr reads: the files' limit (GitError if $JTR_MAX_BYTES is wrong)."""
    from jtr.fileio import ReadError, max_bytes

    try:
        return max_bytes()
    except ReadError as exc:
        raise GitError(str(exc)) from None


def too_big(name: str, size: int, limit: int) -> str:
    """What jtr says of a blob over the limit: the files' own message."""
    from jtr.fileio import too_big as files_too_big

    return str(files_too_big(name, size, limit))


def read_at_revision(path: Path, rev: str) -> bytes:
    """The bytes of `path` as committed at `rev` (for `--rev` and `jtr diff`).

    Raises GitError with a one-line message: not a repository, unknown revision, the file
    not present at that revision, or larger than jtr's size limit (asked before reading).
    """
    repo = locate(path)
    commit = resolve_revision(repo, rev)
    spec = f"{commit}:{repo.rel}"
    try:
        size = int(run_git(["cat-file", "-s", spec], repo.top))
    except (GitError, ValueError):
        raise GitError(message("err_not_at_revision", file=repo.rel, rev=repr(rev))) from None
    limit = size_limit()
    if size > limit:
        raise GitError(too_big(f"{rev}:{repo.rel}", size, limit))
    try:
        return run_git(["show", "--no-textconv", spec], repo.top)
    except GitError:
        raise GitError(message("err_not_at_revision", file=repo.rel, rev=repr(rev))) from None


def merge_base(repo: RepoPath, a: str, b: str) -> str:
    """For `A...B`: the commit both descend from."""
    try:
        out = run_git(["merge-base", "--end-of-options", a, b], repo.top)
    except GitError:
        raise GitError(message("err_no_common_ancestor", a=a, b=b)) from None
    return out.decode("ascii").strip()


_FIELD = "\x1f"
_RECORD = "\x1e"


def file_log(repo: RepoPath, revisions: Iterable[str] = ()) -> list[Commit]:
    """The commits that changed the file, newest first, with its blob ids before and after.

    One `git log --raw` gives both: the raw line of each commit carries the old and new blob
    of the path against the commit's first parent.
    """
    fmt = _RECORD + _FIELD.join(["%H", "%P", "%aI", "%an", "%ae", "%s"])
    args = [
        "--literal-pathspecs", "log", f"--format={fmt}", "--raw", "--no-abbrev", "--no-renames",
        "--diff-merges=first-parent", *revisions, "--", repo.rel,
    ]  # fmt: skip
    out = run_git(args, repo.top).decode("utf-8", "replace")
    commits = []
    for record in out.split(_RECORD)[1:]:
        head, _, rest = record.partition("\n")
        fields = head.split(_FIELD)
        if len(fields) != 6:
            continue
        old = new = None
        for line in rest.splitlines():
            if line.startswith(":"):
                parts = line[1:].split("\t", 1)[0].split()
                if len(parts) >= 4:
                    old = None if parts[2] == NULL_BLOB else parts[2]
                    new = None if parts[3] == NULL_BLOB else parts[3]
                break
        if old is None and new is None:
            continue  # a merge with no change of its own against the first parent
        commit, parents, date, author, email, subject = fields
        commits.append(
            Commit(commit, tuple(parents.split()), date, author, email, subject, old, new)
        )
    return commits


def blob_sizes(repo: RepoPath, blobs: Iterable[str]) -> dict[str, int]:
    """Each blob's size in bytes, through one `git cat-file --batch-check` (nothing read)."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    query = ("\n".join(wanted) + "\n").encode("ascii")
    out = run_git(["cat-file", "--batch-check"], repo.top, query).decode("ascii", "replace")
    sizes: dict[str, int] = {}
    for name, line in zip(wanted, out.splitlines(), strict=False):
        header = line.split()
        if len(header) != 3 or not header[2].isdigit():  # "<name> missing"
            raise GitError(message("err_git_object_missing", name=name))
        sizes[name] = int(header[2])
    return sizes


def read_blobs(repo: RepoPath, blobs: Iterable[str]) -> dict[str, bytes]:
    """Many blobs through one `git cat-file --batch`, sizes read from its headers."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    out = run_git(["cat-file", "--batch"], repo.top, ("\n".join(wanted) + "\n").encode("ascii"))
    found: dict[str, bytes] = {}
    pos = 0
    for name in wanted:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii", "replace").split()
        pos = end + 1
        if len(header) != 3:  # "<name> missing"
            raise GitError(message("err_git_object_missing", name=name))
        size = int(header[2])
        found[name] = out[pos : pos + size]
        pos += size + 1  # the content is followed by a newline
    return found
