#!/usr/bin/env python3
"""ferry-cli transfer and verify end to end, and a transfer killed with SIGKILL at fifty
random moments or more and started again each time: in the end the same requests per route
as a transfer made in one go (nothing sent twice, nothing left out), and verify explains
everything that is not there. Against the standalone fedisim (medium fixture, Mastodon to
Akkoma). Needs a keyring (build-aux/with-keyring); without one it skips, unless
FERRY_REQUIRE_SECRETS. TAP output."""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

from fedisim_run import Fedisim, check, cli_env, finish, run_until, sign_in, skip_without_keyring

KILLS = 50
ONLY = "mutes,notes,domain_blocks,followed_tags,featured_tags,filters"
REASONS = {"unreachable", "gone", "suspended", "unsupported", "locked", "refused", "expired", "moved", "limit",
           "pending", "waiting", "expiry"}


def is_change(route):
    return route.startswith("POST ") and "/apps" not in route


def posts(counts):
    return {route: n for route, n in counts.items() if is_change(route)}


def main():
    fedisim, browse, cli, config = sys.argv[1:5]
    if skip_without_keyring():
        return 0

    server = Fedisim(fedisim, config)
    work = tempfile.mkdtemp(prefix="ferry-cli-transfer-")
    env = cli_env(server.ca, os.path.join(work, "config"))
    rng = random.Random(int(os.environ.get("FERRY_SEED", "0")) or None)
    backup = os.path.join(work, "backup")
    transfer = [cli, "transfer", "--backup", backup, "--only", ONLY]

    try:
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["old"], "old", "alice", "correct-horse")
        check("signed in to the old account", code == 0, out)
        done = subprocess.run([cli, "backup", "--output", backup, "--no-posts"], env=env, capture_output=True, text=True)
        check("backed up", done.returncode == 0, done.stdout + done.stderr)

        # One go, to bob.
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["new"], "new", "bob", "battery-staple")
        check("signed in to the new account", code == 0, out)
        server.requests("new")
        # An unknown category is refused with the valid ones, and nothing is sent (#25).
        done = subprocess.run([cli, "transfer", "--backup", backup, "--only", "follows,mutes"], env=env,
                              capture_output=True, text=True)
        check("--only with an unknown category exits 2", done.returncode == 2, done.stdout + done.stderr)
        check("and names it and the valid ones", "“follows”" in done.stderr and "following" in done.stderr,
              done.stderr)
        check("and sends nothing", not server.requests("new"), "")
        start = time.monotonic()
        done = subprocess.run(transfer, env=env, capture_output=True, text=True)
        took = time.monotonic() - start
        check("a transfer in one go completes", done.returncode == 0, done.stdout + done.stderr)
        check("it says so, and how to check", "ferry-cli verify" in done.stdout, done.stdout)
        one_go = posts(server.requests("new"))
        print(f"# one go: {took:.1f} s, {sum(one_go.values())} requests that change something")

        verify = subprocess.run([cli, "verify", "--backup", backup, "--json"], env=env, capture_output=True, text=True)
        check("verify answers 0 (all there) or 3 (some missing, explained)", verify.returncode in (0, 3),
              verify.stdout + verify.stderr)
        report = json.loads(verify.stdout)
        unexplained = [(c["id"], m) for c in report["categories"] for m in c["missing"]
                       if c["id"] in ONLY.split(",") and m["code"] not in REASONS]
        check("nothing transferred is missing without a reason", not unexplained, unexplained[:5])
        left = [c for c in report["categories"] if c["id"] == "following"]
        check("what was left out (follows) shows as not there yet, to be retried",
              left and all(m["code"] == "missing" and m["retry"] for m in left[0]["missing"]), left[:1])
        mutes = next(c for c in report["categories"] if c["id"] == "mutes")
        check("the mutes are there", mutes["present"] + len(mutes["missing"]) == mutes["expected"] and
              mutes["present"] >= 990, mutes)

        # Killed again and again, to carol. A kill lands after a few of this run's changes
        # reached the server (or, one time in five, at a random moment before any did), the
        # few chosen so that together they stay well under what the one go sent: however fast
        # or slow the machine, none of the killed runs can reach the end.
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["new"], "new", "carol", "staple-battery")
        check("signed in as the second new account", code == 0, out)
        server.requests("new")
        most = max(1, sum(one_go.values()) // (KILLS * 3))
        killed = {}
        kills = []
        finished = None
        for _ in range(KILLS):
            target = rng.randint(1, most) if rng.random() < 0.8 else 0
            seen, finished = run_until(server, "new", transfer, env, target, rng.uniform(0.05, 0.5), killed, is_change)
            if finished:
                break
            kills.append(seen)
        if not finished:
            done = subprocess.run(transfer, env=env, capture_output=True, text=True)
            finished = (done.returncode, done.stdout + done.stderr)
        for route, n in server.requests("new").items():
            killed[route] = killed.get(route, 0) + n
        killed = posts(killed)
        print(f"# killed {len(kills)} times, after this many changes each: {kills}")
        check(f"killed mid-way {KILLS} times", len(kills) == KILLS,
              f"{len(kills)} kills; the run that ended said: {finished[1] if finished else ''}")
        check("then it completes", finished[0] == 0, finished[1])
        differing = {r: (one_go.get(r), killed.get(r)) for r in set(one_go) | set(killed) if one_go.get(r) != killed.get(r)}
        check("the same requests per route as in one go: nothing twice, nothing left out", not differing, differing)

        verify = subprocess.run([cli, "verify", "--backup", backup, "--json"], env=env, capture_output=True, text=True)
        again = json.loads(verify.stdout)
        check("verify finds the same as after the one go",
              [(c["id"], c["present"]) for c in again["categories"]] ==
              [(c["id"], c["present"]) for c in report["categories"]],
              json.dumps([(c["id"], c["present"], c["expected"]) for c in again["categories"]]))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
