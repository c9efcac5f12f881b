"""Stop reading an uploaded file as soon as it passes the size limit."""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitUploadHandler(FileUploadHandler):
    """Skip every uploaded file larger than ``max_bytes`` and remember its name.

    Placed before Django's own handlers, it sees each chunk first: once a file passes
    the limit the rest of it is discarded instead of being written to disk.
    """

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.too_large: list[str] = []
        self._received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data, start):
        self._received = start + len(raw_data)
        if self._received > self.max_bytes:
            self.too_large.append(self.file_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None
