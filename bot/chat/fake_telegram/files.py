"""File storage of the fake Bot API: uploads, file ids, getFile.

A mixin so ``BotApi`` keeps its ``files`` / ``file_paths`` / ``new_file`` / ``get_file``
names while the file id and payload details live apart from the message methods.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from .models import FileEntry, Files, Params, bad_request

_PREFIX = {"photo": "AgAC", "document": "BQAC", "voice": "AwAC", "sticker": "CAAC",
           "animation": "CgAC"}


class FileMethods:
    """Files Telegram "stores", by file_id and by download path. ``BotApi`` sets the state."""

    files: dict[str, FileEntry]
    file_paths: dict[str, FileEntry]
    _file_seq: itertools.count[int]

    def new_file(self, kind: str, data: bytes, name: str | None, mime: str | None) -> FileEntry:
        """Store a file and give it fresh file_id/file_unique_id, like an upload."""
        seq = next(self._file_seq)
        tag = uuid.uuid4().hex[:16]
        entry = FileEntry(
            file_id=f"{_PREFIX.get(kind, 'BQAC')}AgIAAxk{seq:06d}{tag}",
            file_unique_id=f"AQAD{seq:06d}{tag[:6]}",
            kind=kind,
            data=data,
            name=name,
            mime_type=mime,
            path=f"{kind}s/file_{seq}{_suffix(name, kind)}",
        )
        size = len(data)
        base = {"file_id": entry.file_id, "file_unique_id": entry.file_unique_id}
        if kind == "photo":
            width, height = _png_size(data) or (800, 600)
            thumb: dict[str, Any] = {
                "file_id": f"{entry.file_id}_s",
                "file_unique_id": f"{entry.file_unique_id}s",
                "width": min(width, 90),
                "height": min(height, 90),
                "file_size": min(size, 1000),
            }
            entry.payload = [thumb, {**base, "width": width, "height": height, "file_size": size}]
            self.files[f"{entry.file_id}_s"] = entry
        elif kind == "animation":
            entry.payload = {**base, "width": 480, "height": 360, "duration": 3,
                             "file_name": name or "animation.mp4",
                             "mime_type": mime or "video/mp4", "file_size": size}
        elif kind == "document":
            entry.payload = {**base, "file_name": name or "file", "file_size": size}
            if mime:
                entry.payload["mime_type"] = mime
        else:
            entry.payload = base
        self.files[entry.file_id] = entry
        self.file_paths[entry.path] = entry
        return entry

    def _file_to_send(self, kind: str, params: Params, files: Files) -> tuple[FileEntry, bool]:
        """The file a sendPhoto/sendDocument names, and whether it was already stored.

        A new upload (field or ``attach://``), an HTTP URL, or a known file_id.
        """
        value = params.get(kind)
        upload = files.get(kind)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        if upload is not None:
            return self.new_file(kind, upload.data, upload.filename, upload.content_type), False
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self.new_file(kind, b"", value.rsplit("/", 1)[-1], None), False
        if isinstance(value, str) and value:
            found = self.files.get(value)
            if found is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            if found.kind != kind:
                raise bad_request("type of file mismatch")
            return found, True
        raise bad_request(f"there is no {kind} in the request")

    def get_file(self, params: Params, files: Files) -> dict[str, Any]:
        entry = self.files.get(str(params.get("file_id", "")))
        if entry is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": entry.file_id,
            "file_unique_id": entry.file_unique_id,
            "file_size": len(entry.data),
            "file_path": entry.path,
        }


def _suffix(name: str | None, kind: str) -> str:
    if name and "." in name:
        return "." + name.rsplit(".", 1)[-1]
    return {"photo": ".jpg", "voice": ".oga", "sticker": ".webp", "animation": ".mp4"}.get(
        kind, "")


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG header, so chart uploads report real sizes."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
