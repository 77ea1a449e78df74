#!/usr/bin/env python3
"""Benchmark (not a test): Ferry's backup of fedisim's large fixture against the same data
fetched by a Mastodon.py script, every request 30 ms late. Prints wall time, requests, peak
memory, and Ferry's distance from the lower bound (requests × latency ÷ 4 in flight).

  dbus-run-session -- build-aux/with-keyring python3 tests/bench/bench-backup.py _build-test

Needs python3-mastodon (Debian) and a keyring (ferry-cli keeps its sign-in there)."""

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
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


def answers(server):
    server.send_signal(signal.SIGUSR1)
    for line in server.stdout:
        m = re.match(r"^answers old (\d+)$", line)
        if m:
            return int(m.group(1))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build-test"
    fedisim = os.path.join(build, "tests/fedisim/fedisim")
    browse = os.path.join(build, "tests/fedisim/fedisim-browse")
    cli = os.path.join(build, "src/cli/ferry-cli")
    server = subprocess.Popen([fedisim, "--config", os.path.join(HERE, "bench-backup.ini")],
                              stdout=subprocess.PIPE, text=True)
    url = ca = token = None
    for line in server.stdout:
        m = re.match(r"^old\s+\S+\s+\S+\s+https://(\S+)$", line)
        url = m.group(1) if m else url
        m = re.match(r"^\s+token: (\S+)$", line)
        token = m.group(1) if m else token
        m = re.match(r"^Trust the test CA: FERRY_CA_FILE=(\S+)$", line)
        ca = m.group(1) if m else ca
        if line.startswith("Running"):
            break

    work = tempfile.mkdtemp(prefix="ferry-bench-")
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"), FERRY_CA_FILE=ca, FERRY_NO_BROWSER="1", GSETTINGS_BACKEND="keyfile",
               XDG_CONFIG_HOME=os.path.join(work, "config"), REQUESTS_CA_BUNDLE=ca, LC_ALL="C.UTF-8")
    try:
        login = subprocess.Popen([cli, "login", url, "--role", "old"], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        auth = next((l.strip() for l in login.stdout if l.strip().startswith("https://")), None)
        if auth is None:
            sys.exit("ferry-cli login: " + login.stderr.read())
        subprocess.run([browse, "--ca-file", ca, "--user", "alice", "--password", "correct-horse", auth],
                       capture_output=True)
        login.communicate(timeout=60)
        answers(server)

        results = {}
        results["Ferry"] = run_measured([cli, "backup", "--output", os.path.join(work, "ferry")], env) + \
            (answers(server),)
        # Debian's python3 is the one python3-mastodon is installed for.
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        results["Mastodon.py"] = run_measured([python, os.path.join(HERE, "peer-mastodonpy.py"),
                                               "https://" + url, token, os.path.join(work, "peer")], env) + \
            (answers(server),)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
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
