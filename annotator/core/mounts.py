"""Is a database on a network or cloud-synced folder? (SQLite's locking is not safe there.)

SQLite relies on file locks that NFS, SMB/CIFS and FUSE file systems such as sshfs
implement badly or not at all, and a sync client (Dropbox, OneDrive, Google Drive,
iCloud, Nextcloud) that copies the file while two computers write it can corrupt it.
:func:`shared_folder_risk` names the risk, or returns None for a local disk.

Linux reads the mount table (``/proc/self/mountinfo``; tests pass a written one),
macOS asks ``statfs``, Windows asks for the drive type. Sync folders are found by
their usual names and marker files, on every system.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

MOUNTINFO = Path("/proc/self/mountinfo")

# File system types whose locking SQLite cannot rely on.
NETWORK_TYPES = {
    "nfs": "NFS",
    "nfs4": "NFS",
    "cifs": "SMB/CIFS",
    "smb3": "SMB/CIFS",
    "smbfs": "SMB/CIFS",
    "afpfs": "AFP",
    "webdav": "WebDAV",
    "davfs": "WebDAV",
    "9p": "9P",
    "afs": "AFS",
    "ceph": "Ceph",
    "glusterfs": "GlusterFS",
    "lustre": "Lustre",
    "ncpfs": "NetWare",
}
# FUSE file systems that are local disks (NTFS or exFAT through FUSE, container views).
LOCAL_FUSE = {"fuseblk", "fuse.lxcfs", "fusectl"}

# Folder names that sync clients create (compared without case).
SYNC_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "com~apple~clouddocs": "iCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
# Files a sync client keeps in the root of the folder it syncs.
SYNC_MARKERS = {".dropbox": "Dropbox", ".dropbox.cache": "Dropbox"}


@dataclass(frozen=True)
class Mount:
    """One line of the mount table: where it is mounted, its type and its source."""

    point: str
    fstype: str
    source: str


def _unescape(field: str) -> str:
    # The kernel writes space, tab, newline and backslash as \040, \011, \012, \134.
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit() and len(field[i + 1 : i + 4]) == 3:
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a Linux ``/proc/<pid>/mountinfo`` text; malformed lines are skipped.

    A line: ``36 35 98:0 /root /mnt/point rw,noatime shared:1 - ext4 /dev/sda1 rw``;
    optional fields end at the lone ``-``, then come the type and the source.
    """
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields or len(fields) < 5:
            continue
        sep = fields.index("-")
        if len(fields) < sep + 3:
            continue
        mounts.append(Mount(_unescape(fields[4]), fields[sep + 1], _unescape(fields[sep + 2])))
    return mounts


def mount_of(path: str | Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (an absolute path): the longest mount point above it."""
    parts = PurePath(path).parts
    best: Mount | None = None
    best_len = -1
    for mount in mounts:
        point = PurePath(mount.point).parts
        if parts[: len(point)] == point and len(point) >= best_len:
            best, best_len = mount, len(point)
    return best


def describe_fstype(fstype: str) -> str | None:
    """Words for a network or FUSE file system type, or None for a local one."""
    fstype = fstype.lower()
    if fstype in NETWORK_TYPES:
        return f"a network file system ({NETWORK_TYPES[fstype]})"
    if fstype.startswith("nfs"):
        return "a network file system (NFS)"
    if fstype in LOCAL_FUSE:
        return None
    if fstype == "fuse" or fstype.startswith("fuse."):
        return f"a FUSE file system ({fstype.removeprefix('fuse.')})"
    return None


def sync_folder(path: str | Path) -> str | None:
    """The sync service whose folder holds ``path`` (by folder name or marker file)."""
    path = Path(path)
    for folder in [path, *path.parents]:
        name = folder.name.lower()
        for prefix, service in SYNC_FOLDERS.items():
            # "Dropbox (Company)", "OneDrive - University", "GoogleDrive-me@x.org".
            if name == prefix or name.startswith((f"{prefix} ", f"{prefix}-")):
                return service
        for marker, service in SYNC_MARKERS.items():
            if (folder / marker).exists():
                return service
        try:
            if any(p.name.startswith((".sync_", "._sync_")) for p in folder.glob("*sync_*.db")):
                return "Nextcloud"
        except OSError:
            continue
    return None


def _linux_network(path: Path, mountinfo: str | None) -> str | None:
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mount = mount_of(path, parse_mountinfo(mountinfo))
    return describe_fstype(mount.fstype) if mount else None


def _macos_network(path: Path) -> str | None:  # pragma: no cover - macOS only
    class StatFs(ctypes.Structure):
        # struct statfs with 64-bit inodes (the default since macOS 10.6).
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    mnt_local = 0x00001000
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        statfs = libc["statfs$INODE64"]  # Intel Macs; Apple silicon has only statfs
    except AttributeError:
        statfs = libc.statfs
    buf = StatFs()
    if statfs(os.fsencode(path), ctypes.byref(buf)) != 0:
        return None
    fstype = buf.f_fstypename.decode(errors="replace")
    if fstype in ("macfuse", "osxfuse", "fusefs"):
        return f"a FUSE file system ({fstype})"
    named = describe_fstype(fstype)
    if named or buf.f_flags & mnt_local:
        return named
    return f"a network file system ({fstype})"


def _windows_network(path: Path) -> str | None:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return "a network share"
    drive_remote = 4
    root = os.path.splitdrive(text)[0] + "\\"
    if ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote:  # type: ignore[attr-defined]
        return "a network drive"
    return None


def shared_folder_risk(
    path: str | Path, *, mountinfo: str | None = None, platform: str | None = None
) -> str | None:
    """Why ``path`` is unsafe for a SQLite database, as words for a person, or None.

    ``mountinfo`` replaces ``/proc/self/mountinfo`` (Linux); ``platform`` replaces
    ``sys.platform`` (for tests).
    """
    path = Path(path).expanduser().resolve()
    folder = path if path.is_dir() else path.parent
    platform = platform or sys.platform
    try:
        if platform.startswith("linux"):
            network = _linux_network(folder, mountinfo)
        elif platform == "darwin":
            network = _macos_network(folder)
        elif platform == "win32":
            network = _windows_network(folder)
        else:
            network = None
    except (OSError, AttributeError, ValueError):
        network = None
    if network:
        return f"on {network}"
    service = sync_folder(folder)
    if service:
        return f"inside a {service} folder"
    return None


def warning_text(path: str | Path, risk: str) -> str:
    """The warning shown once per file."""
    return (
        f"{path} is {risk}.\n\n"
        "SQLite cannot lock a file reliably there, and a sync client copying the file "
        "while two computers write to it can damage it.\n\n"
        "Keep a local copy per analyst (for example in your Documents folder) and bring "
        "the work together with File › Merge."
    )
