"""Builds the artifacts the bootstrap consumes: tiny wheels and Flyte-style bundles."""

import base64
import hashlib
import io
import tarfile
import zipfile


def build_wheel(directory, name, version, files):
    """Write a pure-Python wheel holding `files` ({archive path: source}) and return its path.

    Built by hand with zipfile rather than `pip wheel`: it takes milliseconds and needs no
    build backend, and the result is what Spark and zipimport read — a zip with the
    packages at its root and a dist-info directory.
    """
    dist_info = "%s-%s.dist-info" % (name, version)
    contents = dict(files)
    contents[dist_info + "/METADATA"] = (
        "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version))
    contents[dist_info + "/WHEEL"] = (
        "Wheel-Version: 1.0\nGenerator: emr-pipeline-tests\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n")
    record_lines = [_record_line(path, text) for path, text in contents.items()]
    record_lines.append(dist_info + "/RECORD,,")
    contents[dist_info + "/RECORD"] = "\n".join(record_lines) + "\n"

    path = directory / ("%s-%s-py3-none-any.whl" % (name, version))
    with zipfile.ZipFile(str(path), "w", zipfile.ZIP_DEFLATED) as wheel:
        for archive_path, text in contents.items():
            wheel.writestr(archive_path, text)
    return path


def _record_line(path, text):
    digest = hashlib.sha256(text.encode()).digest()
    encoded = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, encoded, len(text.encode()))


def build_bundle(directory, files, name="bundle.tar.gz", links=None):
    """Write a gzipped tarball holding `files` ({path: text}) and optional symlinks
    ({path: target}), the shape of a Flyte fast-registration bundle."""
    path = directory / name
    with tarfile.open(str(path), "w:gz") as tar:
        for member_path, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(member_path)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        for member_path, target in (links or {}).items():
            info = tarfile.TarInfo(member_path)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tar.addfile(info)
    return path
