"""File-system faults and permissions (docs/reliability.md):

- a full disk / too large a file (`ulimit -f`): exit 74 naming the file, the
  old file intact byte for byte, no temporary file left;
- a read-only directory, a read-only file, an unreadable file, a directory
  where the file should be, a path on a missing directory: the documented
  exit code, one line naming the file, nothing changed;
- a symbolic link: followed, the target saved atomically, the link kept;
- modes: a new file 0600 and new directories 0700 whatever the umask, an
  existing file's mode and group kept, `import` into a group-writable
  office directory giving 0660 files in the directory's group.

Refusals that depend on permissions run as uid 65534 (root passes every
permission check).

usage: fs_faults.py PATH-TO-RPX
"""
import grp
import os
import stat
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (NOBODY, ROOT, Workspace, check, expect, finish,
                     give_to_nobody, init_state, one_line_error, parses,
                     read_bytes, refused, run, snapshot, temp_files,
                     write_bytes)

cases = []


def case(fn):
    cases.append(fn)
    return fn


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def nobody_state(ws, name):
    """A directory and state file of the unprivileged user."""
    d = ws.sub(name)
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    os.remove(file + ".lock")  # root's; the user makes their own
    give_to_nobody(d, file)
    return d, file


@case
def file_too_large(ws):
    # bash's `ulimit -f` counts blocks of 1 024 bytes: the new content of
    # `done`, with a long note, is larger than one; `init` (whose texts are
    # bounded) writes nothing past a limit of 0.
    d = ws.sub("ulimit")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    for blocks, args in ((1, ["done", "photo", "--note", "x" * 1000]),
                         (0, ["init", "--force", "--expiry", "2027-01-20"])):
        ulimit = ("bash", "-c", f'ulimit -f {blocks} && exec "$@"', "ulimit")
        what = f"ulimit -f {blocks}, {args[0]}"
        refused(what, args, 74, f"cannot write {file}: File too large",
                ws.home, file, d, prefix=ulimit)
        check(f"{what}: no temporary file", temp_files(d), [])
    # Without the limit the same change succeeds.
    rc, _, _ = run(["done", "photo", "--note", "x" * 1000], ws.home, file)
    check("no ulimit: done", rc, 0)


@case
def read_only_directory(ws):
    d, file = nobody_state(ws, "ro-dir")
    os.chmod(d, 0o555)
    refused("read-only directory, no lock file yet", ["done", "photo"], 74,
            f"cannot write {file}: cannot open its lock file {file}.lock: "
            "Permission denied", ws.home, file, d, as_nobody=True)
    # With the lock file there (an earlier save made it), the temporary file
    # is what cannot be made.
    os.chmod(d, 0o755)
    rc, _, err = run(["done", "letter"], ws.home, file, as_nobody=True)
    check("writable directory: done", rc, 0)
    os.chmod(d, 0o555)
    for args in (["done", "photo"], ["init", "--force", "--expiry",
                                     "2027-01-20"]):
        refused(f"read-only directory, {args[0]}", args, 74,
                f"cannot write {file}: Permission denied", ws.home, file, d,
                as_nobody=True)
    rc, _, _ = run(["status"], ws.home, file, as_nobody=True)
    check("read-only directory: status still reads", rc, 0)


@case
def read_only_file(ws):
    d, file = nobody_state(ws, "ro-file")
    os.chmod(file, 0o400)
    for args in (["done", "photo"], ["set", "expiry", "2027-02-01"],
                 ["init", "--force", "--expiry", "2027-01-20"]):
        refused(f"read-only file, {args[0]}", args, 74,
                f"cannot write {file}: Permission denied", ws.home, file, d,
                as_nobody=True)
    rc, _, _ = run(["status"], ws.home, file, as_nobody=True)
    check("read-only file: status still reads", rc, 0)


@case
def unreadable_file(ws):
    d, file = nobody_state(ws, "unreadable")
    os.chmod(file, 0o200)
    for args in (["status"], ["done", "photo"]):
        refused(f"unreadable file, {args[0]}", args, 74,
                f"cannot read {file}: Permission denied", ws.home, file, d,
                as_nobody=True)


@case
def directory_instead_of_file(ws):
    top = ws.sub("dir-instead")
    file = ws.sub("dir-instead", "state.json")
    for args in (["status"], ["done", "photo"],
                 ["set", "expiry", "2027-02-01"],
                 ["init", "--expiry", "2027-01-20"],
                 ["init", "--force", "--expiry", "2027-01-20"]):
        refused(f"a directory, {args[0]} {args[1] if len(args) > 1 else ''}",
                args, 65, f"{file}: is a directory, not a file", ws.home,
                file, top)


@case
def missing_directory(ws):
    top = ws.sub("missing")
    file = os.path.join(top, "no", "such", "dir", "state.json")
    hint = f"no state file at {file}; create one with: rpx init --expiry DATE"
    for args in (["status"], ["done", "photo"], ["undo", "photo"],
                 ["set", "expiry", "2027-02-01"], ["plan"]):
        refused(f"missing directory, {args[0]}", args, 66, hint, ws.home,
                file, top)
    check("missing directory: nothing made", os.listdir(top), [])


@case
def symlink_followed(ws):
    """Policy: a symlinked state file is followed; the target is saved
    atomically in its own directory and the link stays a link."""
    link_dir = ws.sub("link-home")
    target_dir = ws.sub("link-target")
    target = os.path.join(target_dir, "real.json")
    init_state(ws.home, target)
    os.chmod(target, 0o640)
    relative = os.path.relpath(target, link_dir)
    for name, to, on in (("abs.json", target, "2026-11-20"),
                         ("rel.json", relative, "2026-11-21")):
        link = os.path.join(link_dir, name)
        os.symlink(to, link)
        old = read_bytes(target)
        rc, _, err = run(["done", "photo", "--on", on], ws.home, link)
        check(f"symlink {name}: done", rc, 0)
        expect(f"symlink {name}: still a link", os.path.islink(link))
        check(f"symlink {name}: same target", os.readlink(link), to)
        expect(f"symlink {name}: the target changed", read_bytes(target) != old)
        check(f"symlink {name}: target mode kept", mode_of(target), 0o640)
        doc = parses(ws.home, link)
        check(f"symlink {name}: revision", doc and doc["revision"],
              parses(ws.home, target)["revision"])
    check("symlink: nothing but the links beside them",
          sorted(os.listdir(link_dir)), ["abs.json", "rel.json"])
    check("symlink: the lock beside the target",
          sorted(os.listdir(target_dir)), ["real.json", "real.json.lock"])

    # A link into a directory the user may not write: refused, nothing
    # changed on either side.
    d, file = nobody_state(ws, "link-ro-target")
    link = os.path.join(ws.sub("link-ro-home"), "state.json")
    os.symlink(file, link)
    give_to_nobody(os.path.dirname(link), link)
    os.chmod(d, 0o555)
    refused("symlink into a read-only directory", ["done", "photo"], 74,
            f"cannot write {link}: cannot open its lock file {file}.lock: "
            "Permission denied", ws.home, link, ws.path, as_nobody=True)

    # init through a dangling link makes the target and keeps the link.
    dangling = os.path.join(link_dir, "dangling.json")
    made = os.path.join(target_dir, "made", "new.json")
    os.symlink(made, dangling)
    rc, _, err = run(["init", "--expiry", "2027-01-20"], ws.home, dangling)
    check("dangling link: init", rc, 0)
    expect("dangling link: still a link", os.path.islink(dangling))
    check("dangling link: target made 0600", mode_of(made), 0o600)
    check("dangling link: its directory 0700", mode_of(os.path.dirname(made)),
          0o700)


@case
def modes_whatever_the_umask(ws):
    for mask in (0o000, 0o077, 0o022):
        top = ws.sub(f"umask-{mask:03o}")
        os.chmod(top, 0o751)
        file = os.path.join(top, "a", "b", "state.json")
        old_mask = os.umask(mask)
        try:
            init_state(ws.home, file)
            rc, _, _ = run(["done", "photo"], ws.home, file)
            check(f"umask {mask:03o}: done", rc, 0)
        finally:
            os.umask(old_mask)
        check(f"umask {mask:03o}: file", mode_of(file), 0o600)
        check(f"umask {mask:03o}: new directory a",
              mode_of(os.path.join(top, "a")), 0o700)
        check(f"umask {mask:03o}: new directory a/b",
              mode_of(os.path.join(top, "a", "b")), 0o700)
        check(f"umask {mask:03o}: existing directory kept", mode_of(top),
              0o751)


def other_group():
    """A group that is not root's, for the group-keeping tests."""
    for name in ("users", "staff", "nogroup"):
        try:
            return grp.getgrnam(name).gr_gid
        except KeyError:
            pass
    return NOBODY


@case
def mode_and_group_kept(ws):
    d = ws.sub("kept")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    gid = other_group() if ROOT else os.getgid()
    owner = NOBODY if ROOT else os.getuid()
    os.chown(file, owner, gid)
    os.chmod(file, 0o640)
    for args in (["done", "photo"], ["set", "expiry", "2027-03-01"],
                 ["init", "--force", "--expiry", "2027-01-20"]):
        rc, _, err = run(args, ws.home, file)
        check(f"kept, {args[0]}: exit code", rc, 0)
        st = os.stat(file)
        if args[0] == "init":
            # --force makes a new file: private again (docs/state-file.md).
            check("init --force: mode", stat.S_IMODE(st.st_mode), 0o600)
        else:
            check(f"kept, {args[0]}: mode", stat.S_IMODE(st.st_mode), 0o640)
            check(f"kept, {args[0]}: group", st.st_gid, gid)
            check(f"kept, {args[0]}: owner", st.st_uid, owner)


@case
def import_into_office_directory(ws):
    rc, out, _ = run(["import", "--help"], ws.home)
    if not expect("rpx import exists", rc == 0):
        return
    gid = other_group() if ROOT else os.getgid()
    roster = os.path.join(ws.path, "roster.csv")
    write_bytes(roster, b"student_id,name,expiry\n2021210001,Kim,2027-01-20\n"
                b"2021210002,Lee,2027-02-20\n")
    for mask, setgid in ((0o022, False), (0o077, True)):
        office = ws.sub(f"office-{mask:03o}")
        os.chown(office, os.getuid(), gid)
        os.chmod(office, 0o2770 if setgid else 0o770)
        old_mask = os.umask(mask)
        try:
            rc, _, err = run(["import", roster, "--into", office], ws.home)
        finally:
            os.umask(old_mask)
        what = f"import, umask {mask:03o}{', setgid' if setgid else ''}"
        check(f"{what}: exit code", rc, 0)
        for sid in ("2021210001", "2021210002"):
            f = os.path.join(office, sid + ".json")
            st = os.stat(f)
            check(f"{what}: {sid} mode", stat.S_IMODE(st.st_mode), 0o660)
            check(f"{what}: {sid} group", st.st_gid, gid)
            parses(ws.home, f)
        # A later change keeps the share's mode and group.
        f = os.path.join(office, "2021210001.json")
        rc, _, _ = run(["done", "photo"], ws.home, f)
        check(f"{what}: done", rc, 0)
        check(f"{what}: mode after a change", mode_of(f), 0o660)
        check(f"{what}: group after a change", os.stat(f).st_gid, gid)
    # A private directory keeps private files.
    private = ws.sub("office-private", mode=0o700)
    rc, _, _ = run(["import", roster, "--into", private], ws.home)
    check("import, private directory: exit code", rc, 0)
    check("import, private directory: mode",
          mode_of(os.path.join(private, "2021210001.json")), 0o600)


with Workspace("faults") as ws:
    for fn in cases:
        fn(ws)

finish(f"fs_faults: {len(cases)} fault groups passed"
       f"{'' if ROOT else ' (not root: uid 65534 not used)'}")
