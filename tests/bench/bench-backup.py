#!/usr/bin/env python3
"""Benchmark (not a test): Ferry's backup of fedisim's large fixture, every request 30 ms late,
side by side with two peers fetching the same data: a Mastodon.py script (Debian's
python3-mastodon, one request after another) and a plain `requests` script with four
connections (peer-requests.py). Prints each one's wall time, CPU, requests and peak memory;
the latency bound (requests × latency ÷ 4 in flight); and the ratios issue 13 sets goals for:
Ferry ÷ its latency bound (≤ 1.2), Ferry ÷ the requests peer's wall time (≤ 0.8), and the
longest turn of Ferry's main loop during the backup (≤ 8 ms; FERRY_BENCH_MAIN_LOOP=1 makes
ferry-cli measure it).

  dbus-run-session -- build-aux/with-keyring python3 tests/bench/bench-backup.py _build
  dbus-run-session -- build-aux/with-keyring meson test -C _build --benchmark backup -v

Needs python3-mastodon (Debian) and a keyring (ferry-cli keeps its sign-in there)."""

import os
import re
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
    """Wall seconds, CPU seconds, peak resident memory (MB) and standard error of one child."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        out_text, err_text = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed ({os.waitstatus_to_exitcode(status)}):\n{out_text}\n{err_text}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, err_text


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build"
    fedisim = os.path.join(build, "tests/fedisim/fedisim")
    browse = os.path.join(build, "tests/fedisim/fedisim-browse")
    cli = os.path.join(build, "src/cli/ferry-cli")
    server = Fedisim(fedisim, os.path.join(HERE, "bench-backup.ini"))
    host, ca, token = server.hosts["old"], server.ca, server.tokens[0]
    work = tempfile.mkdtemp(prefix="ferry-bench-")
    env = cli_env(ca, os.path.join(work, "config"), GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
                  REQUESTS_CA_BUNDLE=ca)
    # Debian's python3 is the one python3-mastodon is installed for.
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    runs = [
        ("Ferry", [cli, "backup", "--output", os.path.join(work, "ferry")],
         dict(env, FERRY_BENCH_MAIN_LOOP="1")),
        ("Mastodon.py", [python, os.path.join(HERE, "peer-mastodonpy.py"), "https://" + host, token,
                         os.path.join(work, "peer")], env),
        ("requests ×4", [python, os.path.join(HERE, "peer-requests.py"), "https://" + host, token,
                         os.path.join(work, "peer-requests")], env),
    ]
    results = {}
    main_loop = None
    try:
        code, out = sign_in(cli, browse, ca, env, host, "old", "alice", "correct-horse")
        if code != 0:
            sys.exit("ferry-cli login failed:\n" + out)
        server.answers("old")
        for name, argv, run_env in runs:
            wall, cpu, peak, err = run_measured(argv, run_env)
            results[name] = (wall, cpu, peak, server.answers("old"))
            m = re.search(r"ferry-bench: main-loop longest-ms=([\d.]+) over-8ms=(\d+) turns=(\d+)"
                          r"(?: top=(\S*))?(?: longest-cpu-ms=([\d.]+) cpu-over-8ms=(\d+))?", err)
            if name == "Ferry" and m:
                main_loop = (float(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4) or "",
                             m.group(5), m.group(6))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'':12} {'wall s':>8} {'CPU s':>7} {'requests':>9} {'peak MB':>8} {'latency bound s':>16} "
          f"{'÷ bound':>8}")
    for name, (wall, cpu, peak, requests) in results.items():
        bound = requests * LATENCY / IN_FLIGHT
        print(f"{name:12} {wall:8.1f} {cpu:7.1f} {requests:9d} {peak:8.1f} {bound:16.1f} {wall / bound:8.2f}")
    ferry = results["Ferry"]
    bound = ferry[3] * LATENCY / IN_FLIGHT
    print(f"Ferry ÷ its latency bound: {ferry[0] / bound:.2f} (goal ≤ 1.2)")
    print(f"Ferry ÷ the requests peer's wall time: {ferry[0] / results['requests ×4'][0]:.2f} "
          f"(goal ≤ 0.8); ÷ Mastodon.py's: {ferry[0] / results['Mastodon.py'][0]:.2f}")
    if main_loop:
        print(f"Ferry's main loop: longest turn {main_loop[0]:.1f} ms (goal ≤ 8), {main_loop[1]} of "
              f"{main_loop[2]} turns over 8 ms; the longest (ms@second of the run): {main_loop[3]}")
        if main_loop[4] is not None:
            print(f"  in the main thread's CPU time (what a loaded machine does not inflate): longest "
                  f"{float(main_loop[4]):.1f} ms, {main_loop[5]} turns over 8 ms")
    else:
        print("Ferry's main loop: not measured (this ferry-cli has no FERRY_BENCH_MAIN_LOOP)")


if __name__ == "__main__":
    main()
