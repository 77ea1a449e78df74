#!/usr/bin/env python3
"""ferry-cli never waits in silence, and says plainly when nobody is left behind (issue 12, #24):
while a server does not answer, a line on standard error says which one Ferry waits for and
for how long, again and again for a frozen one, and once it answers, that it did; a server that
answers at once gets no such line; `watch --once` with every follower on the new account says so
in a sentence, with no dangling colon and no post for stragglers.
Needs a keyring (build-aux/with-keyring); without one it skips, unless FERRY_REQUIRE_SECRETS.
TAP output."""

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from fedisim_run import Fedisim, check, cli_env, finish, sign_in, skip_without_keyring

WORLD = """[server slow]
flavour=mastodon
users=sam:slow-horse
latency-ms=1500

[server frozen]
flavour=gotosocial
users=fred:frozen-horse
latency-ms=600000

[server fast]
flavour=mastodon
users=fay:fast-horse

[server lone-old]
flavour=gotosocial
users=carol:correct-horse

[server lone-new]
flavour=gotosocial
users=dave:battery-staple
"""


def main():
    fedisim, browse, cli = sys.argv[1:4]
    if skip_without_keyring():
        return 0

    work = tempfile.mkdtemp(prefix="ferry-cli-waits-")
    config = os.path.join(work, "world.ini")
    with open(config, "w") as f:
        f.write(WORLD)
    server = Fedisim(fedisim, config)
    # A short notice time where servers are slow on purpose; a long one (3 s) where they answer
    # at once, so that a loaded machine cannot make a line appear.
    env = cli_env(server.ca, os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
                  FERRY_CLI_WAIT_NOTICE_MS="300")
    calm = dict(env, FERRY_CLI_WAIT_NOTICE_MS="3000")
    waiting = re.compile(r"^Waiting for (\S+) to answer \((\d+) s\)…$", re.M)

    def run(*args, env=env):
        done = subprocess.run([cli, *args], env=env, capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout, done.stderr

    try:
        # A slow server: a line while it is silent, and one when it answers; stdout as ever.
        start = time.monotonic()
        code, out, err = run("probe", server.hosts["slow"])
        took = time.monotonic() - start
        lines = waiting.findall(err)
        check("a slow server: the probe still works", code == 0 and "Mastodon" in out, out + err)
        check("a slow server: stderr says whom Ferry waits for",
              lines and all(host == server.hosts["slow"] for host, _ in lines), err)
        check("and that it answered", f"{server.hosts['slow']} answered after " in err, err)
        check("the waiting lines go to stderr only", "Waiting for" not in out, out)
        print(f"# slow probe: {took:.1f} s, {len(lines)} waiting lines")

        # A fast server: no such line.
        code, out, err = run("probe", server.hosts["fast"], env=calm)
        check("a fast server: no waiting line", code == 0 and "Waiting for" not in err and "answered" not in err,
              out + err)

        # A frozen server: the line comes again and again, the seconds growing; never silence.
        probe = subprocess.Popen([cli, "probe", server.hosts["frozen"]], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        seen, text, deadline = [], b"", time.monotonic() + 10
        while len(seen) < 3 and time.monotonic() < deadline and probe.poll() is None:
            ready, _, _ = select.select([probe.stderr], [], [], 0.5)
            if ready:
                text += os.read(probe.stderr.fileno(), 4096)
                seen = waiting.findall(text.decode("utf-8", "replace"))
        probe.send_signal(signal.SIGKILL)
        probe.wait()
        seconds = [int(s) for _, s in seen]
        check("a frozen server: the waiting line comes again, the seconds growing, within 10 s",
              len(seen) >= 3 and seconds == sorted(seconds) and seconds[-1] > seconds[0] and
              all(host == server.hosts["frozen"] for host, _ in seen), text.decode("utf-8", "replace"))

        # Nobody left behind: a sentence, no dangling colon, no post for stragglers.
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["lone-old"], "old", "carol", "correct-horse")
        check("signed in to the old account", code == 0, out)
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["lone-new"], "new", "dave", "battery-staple")
        check("signed in to the new account", code == 0, out)
        code, out, err = run("watch", "--once", env=calm)
        check("watch --once runs", code == 0 and "Followers: old account 0, new account 0" in out, out + err)
        check("nobody left behind: said in a sentence",
              "Nobody is left behind: every follower Ferry knows of follows the new account." in out, out)
        check("no dangling colon, no post for stragglers",
              "not on the new account:" not in out and "A post for the followers left behind" not in out and
              not any(line.rstrip().endswith(":") for line in out.splitlines()), out)
        check("no waiting line for servers that answer at once", "Waiting for" not in err, err)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
