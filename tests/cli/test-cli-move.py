#!/usr/bin/env python3
"""ferry-cli check, alias, move and watch end to end against the standalone fedisim, from
one GoToSocial server to another through their API: the checks hold the move back until
the transfer is skipped knowingly, the forecast is exported, a wrong password is explained,
the move goes through, and watch counts the followers and names who stayed behind and why;
after the move check and move still read the moved account (GoToSocial refuses it the
lookup), and a move back says GoToSocial's own rules (it needs the admin).
Needs a keyring (build-aux/with-keyring); without one it skips, unless
FERRY_REQUIRE_SECRETS. TAP output."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

from fedisim_run import Fedisim, check, cli_env, finish, sign_in, skip_without_keyring


def main():
    fedisim, browse, cli, config = sys.argv[1:5]
    if skip_without_keyring():
        return 0

    server = Fedisim(fedisim, config)
    work = tempfile.mkdtemp(prefix="ferry-cli-move-")
    env = cli_env(server.ca, os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
                  FERRY_MOVE_POLL_MS="50")
    backup = os.path.join(work, "backup")
    forecast = os.path.join(work, "forecast.csv")
    stragglers = os.path.join(work, "stragglers.csv")

    def run(*args, stdin=None):
        done = subprocess.run([cli, *args], env=env, capture_output=True, text=True, input=stdin, timeout=120)
        return done.returncode, done.stdout + done.stderr

    try:
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["old"], "old", "alice", "correct-horse")
        check("signed in to the old account", code == 0, out)
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["new"], "new", "bob", "battery-staple")
        check("signed in to the new account", code == 0, out)
        code, out = run("move", "--backup", backup)
        check("no move before the checks pass (no backup yet): exit 3", code == 3, out)
        code, out = run("backup", "--output", backup, "--no-posts")
        check("backed up", code == 0, out)

        code, out = run("check", "--backup", backup)
        check("check holds the move back without a transfer, and says how to go on",
              code == 3 and "--skip-transfer" in out, out)
        code, out = run("check", "--backup", backup, "--skip-transfer", "--export-forecast", forecast)
        check("with the transfer skipped knowingly, the checks pass", code == 0, out)
        check("the forecast counts the followers by what their servers will do",
              "Will follow: " in out and "left behind: 1" in out, out)
        with open(forecast, encoding="utf-8") as f:
            text = f.read()
        check("the forecast is exported, with the server that ignores moves",
              text.startswith("Server,Software,Followers,Outlook\n") and "snac 2.59" in text, text)

        code, out = run("alias", "--backup", backup, "--skip-transfer")
        check("alias through GoToSocial's API", code == 0 and out.startswith("✓"), out)
        code, out = run("move", "--backup", backup, "--skip-transfer", stdin="wrong\n")
        check("a wrong password is explained in plain words", code != 0 and "password is wrong" in out, out)
        code, out = run("move", "--backup", backup, "--skip-transfer", stdin="correct-horse\n")
        check("the move goes through", code == 0 and "now points to" in out, out)
        check("the password is never written down", not any(
            "correct-horse" in open(os.path.join(root, name), errors="replace").read()
            for root, _, names in os.walk(work) for name in names), "")

        time.sleep(0.5)   # the followers' servers act on the Move shortly after
        code, out = run("watch", "--once", "--export", stragglers)
        check("watch counts the followers on both accounts",
              code == 0 and "Followers: old account 1, new account 7" in out, out)
        check("watch names who stayed behind, and why", "ignores moves" in out, out)
        check("and offers a post for them", "please follow @bob@" in out, out)
        with open(stragglers, encoding="utf-8") as f:
            rows = f.read().splitlines()
        check("the stragglers are exported as CSV", rows[0] == "Account address,Server,Reason" and len(rows) == 2,
              rows)
        code, out = run("alias", "--backup", backup, "--skip-transfer")
        check("asked again, the alias is already done", code == 0 and out.startswith("✓"), out)

        # GoToSocial refuses the moved account's token the lookup (403): the move is read
        # through verify_credentials, so check and move still work (issue 12 #15).
        code, out = run("check", "--backup", backup, "--skip-transfer")
        check("after the move, check still reads the moved account", code == 0 and "has moved to" in out, out)
        code, out = run("move", "--backup", backup, "--skip-transfer")
        check("asked again, the move is already done", code == 0 and "now points to" in out, out)

        # A move back on GoToSocial: no cancel-redirect there; said in GoToSocial's terms,
        # with no Mastodon page and no wait (issue 12 #20).
        started = time.monotonic()
        code, out = run("move-back")
        check("move back to a GoToSocial account that moved needs its admin: exit 3",
              code == 3 and "GoToSocial" in out and "admin" in out, out)
        check("no Mastodon page, no Mastodon numbers, no wait",
              "/settings/migration" not in out and "30 days" not in out and "Cancel redirect" not in out
              and time.monotonic() - started < 30, out)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
