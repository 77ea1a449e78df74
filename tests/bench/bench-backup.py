#!/usr/bin/env python3
"""Benchmark (not a test): Ferry's backup of fedisim's large fixture against the same data
fetched by a Mastodon.py script, every request 30 ms late. Prints wall time, requests, peak
memory, and Ferry's distance from the lower bound (requests × latency ÷ 4 in flight).

  dbus-run-session -- build-aux/with-keyring python3 tests/bench/bench-backup.py _build-test

Needs python3-mastodon (Debian) and a keyring (ferry-cli keeps its sign-in there)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
from fedisim_run import Fedisim, cli_env, sign_in  # noqa: E402
LATENCY = 0.030
IN_FLIGHT = 4


def run_measured(argv, env):
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.monotonic()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    out, err = child.stdout.read(), child.stderr.read()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{argv[0]} failed ({child.returncode}):\n{out}\n{err}")
    print(f"# {os.path.basename(argv[0])}: {usage.ru_utime + usage.ru_stime:.1f} s of CPU", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024.0


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build-test"
    fedisim = os.path.join(build, "tests/fedisim/fedisim")
    browse = os.path.join(build, "tests/fedisim/fedisim-browse")
    cli = os.path.join(build, "src/cli/ferry-cli")
    server = Fedisim(fedisim, os.path.join(HERE, "bench-backup.ini"))
    host, ca, token = server.hosts["old"], server.ca, server.tokens[0]
    work = tempfile.mkdtemp(prefix="ferry-bench-")
    env = cli_env(ca, os.path.join(work, "config"), GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
                  REQUESTS_CA_BUNDLE=ca)
    try:
        code, out = sign_in(cli, browse, ca, env, host, "old", "alice", "correct-horse")
        if code != 0:
            sys.exit("ferry-cli login failed:\n" + out)
        server.answers("old")

        results = {}
        results["Ferry"] = run_measured([cli, "backup", "--output", os.path.join(work, "ferry")], env) + \
            (server.answers("old"),)
        # Debian's python3 is the one python3-mastodon is installed for.
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        results["Mastodon.py"] = run_measured([python, os.path.join(HERE, "peer-mastodonpy.py"),
                                               "https://" + host, token, os.path.join(work, "peer")], env) + \
            (server.answers("old"),)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'':12} {'wall s':>8} {'requests':>9} {'peak MB':>8} {'lower bound s':>14} {'÷ bound':>8}")
    for name, (wall, peak, requests) in results.items():
        bound = requests * LATENCY / IN_FLIGHT
        print(f"{name:12} {wall:8.1f} {requests:9d} {peak:8.1f} {bound:14.1f} {wall / bound:8.2f}")
    ferry, peer = results["Ferry"][0], results["Mastodon.py"][0]
    print(f"Ferry takes {ferry / peer:.2f}× the peer's time "
          f"(target ≤ 0.5), {results['Ferry'][0] / (results['Ferry'][2] * LATENCY / IN_FLIGHT):.2f}× "
          f"its lower bound (target ≤ 1.2), {results['Ferry'][1]:.0f} MB at most (target < 120).")


if __name__ == "__main__":
    main()
