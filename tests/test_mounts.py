"""Shared and synced folders: a database on a network mount or in a sync folder is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.mounts import mount_of, parse_mountinfo, shared_folder_risk, sync_folder


def _mountinfo(tmp: Path) -> str:
    """A written mount table: the tmp folder on a local disk, shares below it."""
    tmp_escaped = str(tmp).replace(" ", "\\040")
    return "\n".join(
        [
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro",
            f"40 22 8:2 / {tmp_escaped} rw,relatime shared:2 - ext4 /dev/sda2 rw",
            f"41 40 0:50 / {tmp_escaped}/nfs rw,relatime shared:30 - nfs4 server:/export rw,vers=4.2",
            f"42 40 0:51 / {tmp_escaped}/smb\\040share rw,relatime - cifs //fs/team rw,vers=3.1.1",
            f"43 40 0:52 / {tmp_escaped}/remote rw,nosuid,nodev shared:31 - fuse.sshfs me@host:/data rw",
            f"44 40 8:17 / {tmp_escaped}/usb rw,relatime shared:32 - fuseblk /dev/sdb1 rw",
            "not a mountinfo line",
        ]
    )


@pytest.mark.parametrize(
    ("folder", "words"),
    [
        ("nfs", "network file system (NFS)"),
        ("smb share", "network file system (SMB/CIFS)"),
        ("remote", "FUSE file system (sshfs)"),
    ],
)
def test_database_on_a_network_mount_is_named(tmp_path: Path, folder: str, words: str) -> None:
    db = tmp_path / folder / "deep" / "annotations.db"
    db.parent.mkdir(parents=True)
    risk = shared_folder_risk(db, mountinfo=_mountinfo(tmp_path), platform="linux")
    assert risk is not None and words in risk


@pytest.mark.parametrize("folder", ["local", "usb", "nfsish"])
def test_no_warning_on_a_local_disk(tmp_path: Path, folder: str) -> None:
    db = tmp_path / folder / "annotations.db"
    db.parent.mkdir(parents=True)
    assert shared_folder_risk(db, mountinfo=_mountinfo(tmp_path), platform="linux") is None


def test_mount_table_parsing_keeps_escaped_spaces_and_optional_fields(tmp_path: Path) -> None:
    mounts = parse_mountinfo(_mountinfo(Path("/t")))
    assert len(mounts) == 6
    assert mounts[3].point == "/t/smb share" and mounts[3].fstype == "cifs"
    assert mounts[3].source == "//fs/team"
    assert mount_of("/t/smb share/x.db", mounts).fstype == "cifs"
    assert mount_of("/t/smb shared.db", mounts).fstype == "ext4"


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox", "Dropbox"),
        ("Dropbox (Company)", "Dropbox"),
        ("OneDrive - University of Somewhere", "OneDrive"),
        ("Library/CloudStorage/GoogleDrive-me@example.org/My Drive", "Google Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud"),
        ("Nextcloud", "Nextcloud"),
    ],
)
def test_database_in_a_sync_folder_is_named(tmp_path: Path, folder: str, service: str) -> None:
    db = tmp_path / folder / "thesis" / "annotations.db"
    db.parent.mkdir(parents=True)
    risk = shared_folder_risk(db, mountinfo=_mountinfo(tmp_path), platform="linux")
    assert risk == f"inside a {service} folder"


def test_sync_folder_found_by_its_marker_file(tmp_path: Path) -> None:
    root = tmp_path / "Work files"
    (root / "project").mkdir(parents=True)
    assert sync_folder(root / "project") is None
    (root / ".sync_1a2b3c.db").write_bytes(b"")
    assert sync_folder(root / "project") == "Nextcloud"
    (tmp_path / "Box" / "p").mkdir(parents=True)
    (tmp_path / "Box" / ".dropbox").write_text("{}")
    assert sync_folder(tmp_path / "Box" / "p") == "Dropbox"
