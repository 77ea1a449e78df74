#!/usr/bin/env python3
"""Not a test: the requests per route that ferry-cli sends in the fixture flows (sign-in, backup,
transfer, verify; the world of tests/cli/transfer-kill.ini), one line a route, for comparing two
builds before and after a refactor:

  dbus-run-session -- build-aux/with-keyring python3 tests/bench/route-counts.py BUILDDIR

Routes are fedisim's (ids replaced by :id), so two runs compare line by line."""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
from fedisim_run import Fedisim, cli_env, sign_in  # noqa: E402


def requests(server, names=("old", "new")):
    """One dump (SIGUSR1) of every server's requests per route since the last; fedisim resets
    all counters at each dump, so both servers are read from the same one."""
    server.process.send_signal(signal.SIGUSR1)
    counts, left = {name: {} for name in names}, set(names)
    for line in server.process.stdout:
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("requests ") and len(parts) == 3:
            name = parts[0][len("requests "):]
            if name in counts:
                counts[name][parts[1]] = counts[name].get(parts[1], 0) + int(parts[2])
        m = re.match(r"^answers (\S+) (\d+)$", line)
        if m:
            left.discard(m.group(1))
            if not left:
                return counts


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build"
    fedisim = os.path.join(build, "tests/fedisim/fedisim")
    browse = os.path.join(build, "tests/fedisim/fedisim-browse")
    cli = os.path.join(build, "src/cli/ferry-cli")
    server = Fedisim(fedisim, os.path.join(HERE, "..", "cli", "transfer-kill.ini"))
    work = tempfile.mkdtemp(prefix="ferry-route-counts-")
    env = cli_env(server.ca, os.path.join(work, "config"), GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))
    backup = os.path.join(work, "backup")
    flows = []
    try:
        def run(*argv):
            done = subprocess.run([cli, *argv], env=env, capture_output=True, text=True)
            # verify answers 3 when something is not there: that is a finding, not a failure
            if done.returncode not in (0, 1, 3):
                sys.exit(f"ferry-cli {argv[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")

        code, out = sign_in(cli, browse, server.ca, env, server.hosts["old"], "old", "alice", "correct-horse")
        if code != 0:
            sys.exit("sign-in failed:\n" + out)
        flows.append(("sign-in old", requests(server)))
        run("backup", "--output", backup)
        flows.append(("backup", requests(server)))
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["new"], "new", "bob", "battery-staple")
        if code != 0:
            sys.exit("sign-in failed:\n" + out)
        flows.append(("sign-in new", requests(server)))
        run("transfer", "--backup", backup)
        flows.append(("transfer", requests(server)))
        run("verify", "--backup", backup)
        flows.append(("verify", requests(server)))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    for flow, servers in flows:
        for name, counts in servers.items():
            print(f"## {flow} → {name}: {sum(counts.values())} requests")
            for route in sorted(counts):
                print(f"{counts[route]:6d}  {route}")


if __name__ == "__main__":
    main()
