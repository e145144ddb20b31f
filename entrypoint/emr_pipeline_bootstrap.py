#!/usr/bin/env python3
"""The entry point EMR Serverless runs for the pipeline's `package` and `flyte` job modes.

EMR Serverless accepts only a file as a job's entryPoint, so the pipeline stages this
script and passes what to run as its arguments:

  package --package URI --module NAME [--conf-archive URI#ALIAS --conf-option=OPTION]
          [-- ARG ...]
      Put the wheel or zip at URI on sys.path (unless spark.submit.pyFiles already did),
      import NAME and call NAME.main(argv) in this process, with argv = the ARGs.
      Without --package, NAME must already be importable (for instance from the image).
      With --conf-archive (a project's configuration, also in spark.archives as URI#ALIAS),
      argv ends with OPTION and the directory Spark unpacked it into, ./ALIAS (its only
      top-level folder, if it has just one); the bootstrap unpacks it itself when Spark
      did not. OPTION defaults to Kedro's --conf-source.
  flyte --bundle URI -- COMMAND [ARG ...]
      Extract the fast-registration bundle at URI into a fresh working directory, put
      that directory on sys.path and PYTHONPATH, and run COMMAND there.

URIs are s3://bucket/key (downloaded with boto3, which EMR images ship) or local paths.

Exit codes:
   0  success
  64  BadArguments         the arguments do not follow the usage above
  65  PackageNotFound      the --package file is missing or cannot be downloaded
  66  ModuleNotImportable  importing --module failed
  67  MainNotFound         the module has no callable main
  68  MainFailed           main(argv) raised an exception (its traceback follows)
  69  BundleUnusable       the --bundle file is missing, cannot be downloaded or is not
                           a safe tar archive
  70  CommandFailed        the flyte command could not be started
  71  ConfUnusable         the --conf-archive file is missing, cannot be downloaded or
                           is not a safe archive
  A main that exits with sys.exit(N) or returns an int N, and a flyte command that
  exits with N, make the bootstrap exit with N too (128+S for a command killed by
  signal S): the job's own exit status is kept.

Every failure prints one line "emr-pipeline-bootstrap: <ErrorName>: <what happened>"
to stderr first, then a hint and any details.

This file must run on every Python EMR releases ship (3.7 and later), with the standard
library only; boto3 is imported only when an s3:// URI has to be downloaded.
"""

import argparse
import atexit
import importlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import traceback
import zipfile
import zlib

PROG = "emr-pipeline-bootstrap"
MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
LONG_OPTION = re.compile(r"^--[A-Za-z0-9][A-Za-z0-9_-]*$")
ARCHIVE_ALIAS = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
KEDRO_CONF_OPTION = "--conf-source"


class BootstrapError(Exception):
    """A failure a person can act on; the class name is the error name printed."""

    exit_code = 1

    def __init__(self, message, hint="", details="", exit_code=None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details
        if exit_code is not None:
            self.exit_code = exit_code


class BadArguments(BootstrapError):
    exit_code = 64


class PackageNotFound(BootstrapError):
    exit_code = 65


class ModuleNotImportable(BootstrapError):
    exit_code = 66


class MainNotFound(BootstrapError):
    exit_code = 67


class MainFailed(BootstrapError):
    exit_code = 68


class BundleUnusable(BootstrapError):
    exit_code = 69


class CommandFailed(BootstrapError):
    exit_code = 70


class ConfUnusable(BootstrapError):
    exit_code = 71


def say(text):
    print(PROG + ": " + text, file=sys.stderr, flush=True)


def new_temp_dir(purpose):
    # Removed at exit so repeated local runs leave nothing behind; on EMR the
    # container goes away anyway.
    path = tempfile.mkdtemp(prefix="emr-pipeline-" + purpose + "-")
    atexit.register(shutil.rmtree, path, True)
    return path


# ---------------------------------------------------------------- arguments

class _Parser(argparse.ArgumentParser):
    """argparse would exit 2 with its own wording; we want BadArguments (64)."""

    def error(self, message):
        raise BadArguments(message, hint=self.format_usage().strip())


def parse_args(argv):
    # Split at the first "--" ourselves: argparse's handling of "--" differs between
    # Python versions, and everything after it belongs to the user, untouched.
    if "--" in argv:
        split = argv.index("--")
        own, rest = argv[:split], argv[split + 1:]
    else:
        own, rest = argv, []
    parser = _Parser(prog=PROG, allow_abbrev=False)
    modes = parser.add_subparsers(dest="mode", metavar="{package,flyte}")
    package = modes.add_parser("package", allow_abbrev=False,
                               help="import a module and call its main(argv) in-process")
    package.add_argument("--package", help="wheel or zip: s3:// URI or local path")
    package.add_argument("--module", required=True, help="module that defines main(argv)")
    package.add_argument("--conf-archive", metavar="URI#ALIAS",
                         help="configuration archive, as in spark.archives; its directory goes to main")
    package.add_argument("--conf-option", default=KEDRO_CONF_OPTION,
                         help="the option main takes that directory with (give it as --conf-option=--x)")
    flyte = modes.add_parser("flyte", allow_abbrev=False,
                             help="run a command inside a fast-registration bundle")
    flyte.add_argument("--bundle", required=True, help=".tar.gz: s3:// URI or local path")
    options = parser.parse_args(own)
    if options.mode is None:
        parser.error("the first argument must be a mode: package or flyte")
    if options.mode == "package" and not MODULE_NAME.match(options.module):
        parser.error("--module %r is not a dotted Python module name" % options.module)
    if options.mode == "package" and not LONG_OPTION.match(options.conf_option):
        parser.error("--conf-option %r is not a long option such as --conf-source" % options.conf_option)
    if options.mode == "package" and options.conf_archive:
        alias = options.conf_archive.partition("#")[2]
        if not ARCHIVE_ALIAS.match(alias):
            parser.error("--conf-archive %r must end in #ALIAS, a plain directory name"
                         % options.conf_archive)
    if options.mode == "flyte" and not rest:
        parser.error("flyte mode needs the command to run after --")
    return options, rest


# ---------------------------------------------------------------- fetching files

def fetch(uri, into_dir, missing):
    """Return a local path for uri, downloading s3:// objects into into_dir.

    `missing` is the error class to raise, so each mode reports its own error name.
    """
    if uri.startswith("s3://"):
        return download_from_s3(uri, into_dir, missing)
    if "://" in uri and not uri.startswith("file://"):
        raise BadArguments("unsupported URI %r" % uri, hint="use s3://bucket/key or a local path")
    path = uri[len("file://"):] if uri.startswith("file://") else uri
    if not os.path.isfile(path):
        raise missing("%s does not exist or is not a file" % uri,
                      hint="check the URI in the job request")
    return os.path.abspath(path)


def download_from_s3(uri, into_dir, missing):
    bucket, _, key = uri[len("s3://"):].partition("/")
    if not bucket or not key or key.endswith("/"):
        raise BadArguments("%r does not name an S3 object" % uri, hint="use s3://bucket/key")
    try:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError as error:
        raise missing("cannot download %s: boto3 is not importable (%s)" % (uri, error),
                      hint="use an EMR image (they ship boto3) or let Spark distribute it")
    target = os.path.join(into_dir, posixpath.basename(key))
    try:
        boto3.client("s3").download_file(bucket, key, target)
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        reason = "it does not exist" if code in ("404", "NoSuchKey") else str(error)
        raise missing("cannot download %s: %s" % (uri, reason),
                      hint="check the URI and that the job's execution role may read it")
    except BotoCoreError as error:
        raise missing("cannot download %s: %s" % (uri, error))
    return target


# ---------------------------------------------------------------- package mode

def run_package(options, user_args):
    if options.package:
        put_package_on_path(options.package)
        if options.package.lower().endswith(".whl"):
            let_executors_import_wheels()
    if options.conf_archive:
        user_args = list(user_args) + [options.conf_option, conf_directory(options.conf_archive)]
    module = import_user_module(options.module)
    main = getattr(module, "main", None)
    if not callable(main):
        raise MainNotFound("module %s has no callable main" % options.module,
                           hint="define main(argv) in it, or point --module at the module that does")
    say("calling %s.main from %s with %d argument(s)"
        % (options.module, getattr(module, "__file__", "?"), len(user_args)))
    return call_main(main, options.module, user_args)


def put_package_on_path(uri):
    # We look for the file itself, not for an importable module: an older copy installed
    # in the image would import too, and would silently run the wrong code.
    name = posixpath.basename(uri.rstrip("/"))
    if any(os.path.basename(entry.rstrip("/\\")) == name for entry in sys.path if entry):
        return
    local = fetch(uri, new_temp_dir("package"), PackageNotFound)
    sys.path.insert(0, local)
    say("%s was not on sys.path (spark.submit.pyFiles did not distribute it); using %s "
        "on the driver only, so executors can import it only if their image has it"
        % (uri, local))


def conf_directory(spec):
    """The directory of the configuration archive spec (URI#ALIAS) that main should read."""
    uri, _, alias = spec.partition("#")
    unpacked = os.path.abspath(alias)
    if os.path.isdir(unpacked):
        origin = "unpacked by spark.archives"
    else:
        # Run by hand, or spark.archives was not set: the driver still gets its configuration.
        archive = fetch(uri, new_temp_dir("conf-download"), ConfUnusable)
        unpacked = new_temp_dir("conf")
        if uri.lower().endswith(".zip"):
            extract_zip(archive, uri, unpacked, ConfUnusable)
        else:
            extract_tar(archive, uri, unpacked, ConfUnusable, "re-create it (kedro package, tar czf)")
        origin = "not in spark.archives, unpacked on the driver only"
    root = unpacked
    entries = [name for name in os.listdir(unpacked) if not name.startswith(".")]
    if len(entries) == 1 and os.path.isdir(os.path.join(unpacked, entries[0])):
        # kedro package archives conf/ itself: its one top-level folder is the configuration.
        root = os.path.join(unpacked, entries[0])
    say("configuration %s: %s (%s)" % (uri, root, origin))
    return root


def let_executors_import_wheels():
    # PySpark puts spark.submit.pyFiles on the executors' Python path only when the name
    # ends in one of SparkContext.PACKAGE_EXTENSIONS (.zip, .egg, .jar); a pure-Python
    # wheel is a zip too, so add its suffix before main creates the SparkContext.
    try:
        from pyspark import SparkContext
    except ImportError:
        return
    known = tuple(getattr(SparkContext, "PACKAGE_EXTENSIONS", ()))
    if known and ".whl" not in known:
        SparkContext.PACKAGE_EXTENSIONS = known + (".whl",)


def import_user_module(name):
    try:
        return importlib.import_module(name)
    except ImportError as error:
        absent = getattr(error, "name", None) or ""
        # When the module itself is absent the traceback is noise; when one of its own
        # imports fails, the traceback shows which line needs the missing dependency.
        own = absent and (name == absent or name.startswith(absent + "."))
        raise ModuleNotImportable(
            "cannot import module %s: %s: %s" % (name, type(error).__name__, error),
            hint="check --module and that the package (or its dependency) is on sys.path",
            details="" if own else traceback.format_exc())
    except Exception as error:
        raise ModuleNotImportable(
            "importing module %s raised %s: %s" % (name, type(error).__name__, error),
            details=traceback.format_exc())


def call_main(main, module_name, user_args):
    label = module_name + ".main"
    # Code that reads sys.argv (click, plain argparse) sees the user's arguments too.
    sys.argv = [module_name] + list(user_args)
    try:
        result = main(list(user_args))
    except SystemExit as stop:
        return exit_status(stop.code, label)
    except Exception as error:
        raise MainFailed("%s raised %s: %s" % (label, type(error).__name__, error),
                         details=traceback.format_exc())
    # Only an int is an exit status; mains that return results (a dict, say) succeeded.
    if isinstance(result, int) and not isinstance(result, bool):
        return exit_status(result, label)
    return 0


def exit_status(code, label):
    """Interpret a sys.exit() value the way the interpreter would, naming who exited."""
    if code is None or code == 0:
        return 0
    if isinstance(code, int):
        raise MainFailed("%s exited with status %d" % (label, code), exit_code=code)
    raise MainFailed("%s exited: %s" % (label, code), exit_code=1)


# ---------------------------------------------------------------- flyte mode

def run_flyte(options, command):
    archive = fetch(options.bundle, new_temp_dir("download"), BundleUnusable)
    workdir = new_temp_dir("flyte")
    extract_tar(archive, options.bundle, workdir, BundleUnusable,
                "rebuild the bundle (pyflyte package / fast register)")
    sys.path.insert(0, workdir)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (workdir, env.get("PYTHONPATH")) if p)
    say("running %s in %s" % (command[0], workdir))
    sys.stdout.flush()
    try:
        code = subprocess.call(command, cwd=workdir, env=env)
    except OSError as error:
        raise CommandFailed("cannot start %s: %s" % (command[0], error),
                            hint="the command must be installed in the job's image or venv")
    if code < 0:
        code = 128 - code  # killed by signal -code, reported the way shells do
    if code != 0:
        raise CommandFailed("%s exited with status %d" % (command[0], code), exit_code=code)
    return 0


def extract_tar(archive, uri, workdir, unusable, hint):
    """Extract a tar archive (any compression) after checking that every entry is safe."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            for member in members:
                check_member(member, uri, unusable)
            if hasattr(tarfile, "data_filter"):
                tar.extractall(workdir, members, filter="data")
            else:
                tar.extractall(workdir, members)
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise unusable("%s is not a readable tar archive: %s" % (uri, error), hint=hint)
    except OSError as error:
        raise unusable("cannot extract %s into %s: %s" % (uri, workdir, error))


def extract_zip(archive, uri, workdir, unusable):
    try:
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                if escapes_root(name):
                    raise unusable("%s contains an unsafe entry %r" % (uri, name),
                                   hint="archives may hold only entries that stay under their root")
            zipped.extractall(workdir)
    except (zipfile.BadZipfile, zlib.error) as error:
        raise unusable("%s is not a readable zip archive: %s" % (uri, error))
    except OSError as error:
        raise unusable("cannot extract %s into %s: %s" % (uri, workdir, error))


def escapes_root(path):
    return path.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", path)


def check_member(member, uri, unusable):
    # Older tarfile versions write wherever a member points. A source bundle or a
    # configuration never needs absolute paths, "..", or devices, so refusing them keeps
    # every entry (and every link chain) under the working directory, checked before a
    # single byte is written.
    paths = [member.name]
    if member.issym() or member.islnk():
        paths.append(member.linkname)
    if any(escapes_root(path) for path in paths) or member.isdev():
        raise unusable("%s contains an unsafe entry %r" % (uri, member.name),
                       hint="archives may hold only files, directories and links "
                            "that stay under their root")


# ---------------------------------------------------------------- main

def main(argv):
    try:
        options, rest = parse_args(argv)
        if options.mode == "package":
            return run_package(options, rest)
        return run_flyte(options, rest)
    except BootstrapError as error:
        say("%s: %s" % (type(error).__name__, error.message))
        if error.hint:
            say("hint: " + error.hint)
        if error.details:
            sys.stderr.write(error.details)
        sys.stderr.flush()
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
