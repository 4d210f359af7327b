"""Which commit `--baseline REV` names: a git revision, or a revision id of the roadmap's
revision log (`revisions:`), resolved to the commit that added it.

- A name git knows (`git rev-parse`: a tag, a branch, a hash, `HEAD~2`) is that commit. It
  wins over a revision id spelt the same, so a git name always means what git says.
- Otherwise it is looked up as the `id` of an entry of `revisions:`: the file's commits are
  read oldest first (one `git log`, one `git cat-file --batch`) and the first whose version of
  the file has an entry with that id is the baseline: the plan as that revision approved it.
- With no `--baseline` (`jtr slips`): the latest entry of the log (the last in the file) names
  it, by its `baseline` field (the git revision of the plan it superseded) if it has one, else
  by the commit that added it.

The log is read tolerantly (jtr.access), as plain data, so this works on versions written
before the log existed and on those that were never validated.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from jtr.access import dict_at, list_at, text_at
from jtr.labels import message
from jtr.review.gitio import (
    GitError,
    RepoPath,
    blob_sizes,
    file_log,
    locate,
    read_blobs,
    resolve_revision,
    size_limit,
)


class Baseline(NamedTuple):
    commit: str  # the full hash
    name: str  # as given (or as derived: the revision entry's id or baseline field)
    revision_id: str | None  # the revision entry it was found by, if any

    @property
    def short(self) -> str:
        return self.commit[:10]


def revision_entries(data: Any) -> list[dict[str, Any]]:
    """The entries of the roadmap's `revisions:` log that are mappings, in file order."""
    return [entry for entry in list_at(data, "revisions") if isinstance(entry, dict)]


def revision_ids(data: Any) -> list[str]:
    return [i for i in (text_at(e, "id") for e in revision_entries(data)) if i is not None]


def latest_revision(data: Any) -> dict[str, Any] | None:
    """The log's last entry (revisions are appended in date order), or None."""
    entries = revision_entries(data)
    return dict_at(entries[-1]) if entries else None


def first_with_revision(versions: Iterable[tuple[str, Any]], revision_id: str) -> str | None:
    """The first of (commit, data) pairs, oldest first, whose data has an entry `revision_id`."""
    for commit, data in versions:
        if revision_id in revision_ids(data):
            return commit
    return None


def _versions(repo: RepoPath, tip: str, needle: str) -> Iterable[tuple[str, Any]]:
    """The file's versions oldest first, parsed; a version that cannot hold `needle` (its
    bytes do not contain it) or that is not readable YAML is passed over."""
    from jtr.diagnostics import LoadError
    from jtr.review.reading import load_revision

    commits = [c for c in reversed(file_log(repo, [tip])) if c.new_blob]
    limit = size_limit()
    sizes = blob_sizes(repo, [c.new_blob for c in commits if c.new_blob])
    blobs = read_blobs(repo, [b for b, size in sizes.items() if size <= limit])
    wanted = needle.encode("utf-8")
    for commit in commits:
        raw = blobs.get(commit.new_blob or "")
        if raw is None or wanted not in raw:
            continue
        try:
            yield commit.hash, load_revision(raw, f"{commit.short}:{repo.rel}")
        except LoadError:
            continue


def commit_adding(repo: RepoPath, revision_id: str, tip: str = "HEAD") -> str | None:
    """The commit that added the revision entry `revision_id` to the file, None if none did."""
    return first_with_revision(_versions(repo, tip, revision_id), revision_id)


def resolve(path: Path, name: str, tip: str | None = None) -> Baseline:
    """The baseline `name` names for the roadmap at `path` (its history read up to `tip`,
    default HEAD). GitError with a one-line message if it is neither a revision git knows nor
    a revision id in the file's history."""
    repo = locate(path)
    try:
        return Baseline(resolve_revision(repo, name), name, None)
    except GitError:
        pass
    if not name.startswith("-"):
        found = commit_adding(repo, name, tip or "HEAD")
        if found is not None:
            return Baseline(found, name, name)
    raise GitError(message("err_baseline_unknown", rev=repr(name), file=repo.rel))


def default(path: Path, data: Any, tip: str | None = None) -> Baseline | None:
    """The baseline the latest revision entry of `data` names (see the module), or None when
    the log is empty. GitError if the entry names a revision git does not know."""
    entry = latest_revision(data)
    if entry is None:
        return None
    revision_id = text_at(entry, "id")
    named = text_at(entry, "baseline")
    repo = locate(path)
    if named:
        return Baseline(resolve_revision(repo, named), named, revision_id)
    if revision_id is None:
        return None
    found = commit_adding(repo, revision_id, tip or "HEAD")
    return None if found is None else Baseline(found, revision_id, revision_id)
