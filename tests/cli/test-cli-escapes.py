#!/usr/bin/env python3
"""What a hostile server sends cannot reach the terminal as codes (issue 12, #7): fedisim users
whose display name and note, and servers whose version string, carry terminal escapes (a window
title, a screen clear, a carriage return and a newline before a fake "Signed in as" line,
backspaces, DEL, C1 CSI and OSC, a bidi override). Every ferry-cli command that prints server text
(login, accounts, probe, backup, check, alias, move, watch) prints none of those characters, never
a line of the server's own, and never "(null)"; the JSON output keeps the text exactly.
Needs a keyring (build-aux/with-keyring); without one it skips, unless FERRY_REQUIRE_SECRETS.
TAP output."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from fedisim_run import Fedisim, check, cli_env, finish, sign_in, skip_without_keyring

# As GKeyFile reads them: \r and \n are its escapes; the rest is written as is.
NAME_INI = ("Alice\x1b]0;pwned\x07\x1b[2J\x1b[H\\rSigned in as @admin@evil.example (Moving from)."
            "\\nSigned in as @root\x08\x08\x7f\u009b31m\u009d0;title\x07\u202eevil")
NAME = NAME_INI.replace("\\r", "\r").replace("\\n", "\n")
NOTE_INI = "\x1b[31mred\x1b[0m\\n\u009d0;title\x07\u202e"
VERSION = "4.5.0\x1b]0;pwned\x07\u009b2J\u202e"   # no spaces: fedisim prints it in one column
NEW_VERSION = "0.19.1\x1b]2;pwned\x07"

DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def world(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""[server old]
flavour=gotosocial
users=alice:correct-horse
fixture=small
display-name={NAME_INI}
note={NOTE_INI}

[server new]
flavour=gotosocial
version={NEW_VERSION}
users=bob:battery-staple
display-name={NAME_INI}

[server odd]
flavour=mastodon
version={VERSION}
users=carol:staple-horse
""")


def harmless(raw):
    """(True, "") when the bytes are UTF-8 with nothing a terminal acts on, and no line of
    the server's own; else (False, why)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return False, f"not UTF-8: {e}"
    m = DANGEROUS.search(text)
    if m:
        return False, f"U+{ord(m.group()):04X} at {m.start()}: {text[max(0, m.start() - 40):m.start() + 20]!r}"
    for line in text.split("\n"):
        if line.startswith("Signed in as @admin") or line.startswith("Signed in as @root"):
            return False, f"a line of the server's own: {line!r}"
    if "(null)" in text:
        return False, "(null)"
    return True, ""


def main():
    fedisim, browse, cli = sys.argv[1:4]
    if skip_without_keyring():
        return 0

    work = tempfile.mkdtemp(prefix="ferry-cli-escapes-")
    config = os.path.join(work, "world.ini")
    world(config)
    server = Fedisim(fedisim, config)
    env = cli_env(server.ca, os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
                  FERRY_MOVE_POLL_MS="50")
    backup = os.path.join(work, "backup")

    def run(name, *args, stdin=None):
        done = subprocess.run([cli, *args], env=env, capture_output=True, input=stdin, timeout=120)
        out = done.stdout + done.stderr
        ok, why = harmless(done.stdout)
        ok2, why2 = harmless(done.stderr)
        check(f"{name}: no terminal codes, no line of the server's, no (null)", ok and ok2,
              (why or why2) + "\n" + out.decode("utf-8", "replace"))
        return done.returncode, done.stdout.decode("utf-8", "replace"), out.decode("utf-8", "replace")

    try:
        check("fedisim runs the hostile world", set(server.hosts) == {"old", "new", "odd"}, server.hosts)
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["old"], "old", "alice", "correct-horse")
        check("signed in to the old account", code == 0, out)
        code, out = sign_in(cli, browse, server.ca, env, server.hosts["new"], "new", "bob", "battery-staple")
        check("signed in to the new account", code == 0, out)

        code, out, both = run("accounts", "accounts")
        check("accounts shows the names, their codes made visible",
              code == 0 and out.count("Alice␛]0;pwned␇␛[2J␛[H␍Signed in as @admin") == 2, both)
        code, out, both = run("accounts --json", "accounts", "--json")
        accounts = json.loads(out) if code == 0 else {}
        check("accounts --json keeps the names exactly, in escapes",
              accounts.get("old", {}).get("display_name") == NAME and
              accounts.get("new", {}).get("display_name") == NAME, both)

        code, out, both = run("probe", "probe", server.hosts["odd"])
        check("probe shows the version, its codes made visible", code == 0 and "4.5.0␛]0;pwned␇" in out, both)
        code, out, both = run("probe --json", "probe", server.hosts["odd"], "--json")
        check("probe --json keeps the version exactly",
              code == 0 and json.loads(out).get("version") == VERSION, both)
        code, out, both = run("probe of the new server", "probe", server.hosts["new"])
        check("the new server's version too", code == 0 and "0.19.1␛]2;pwned␇" in out, both)

        code, out, both = run("backup", "backup", "--output", backup, "--no-posts")
        check("backed up", code == 0, both)
        check("media left out with the posts is said so (not “(null)”)",
              "Media files: skipped (Left out with the posts they belong to.)" in out, both)
        with open(os.path.join(backup, "profile.json"), encoding="utf-8") as f:
            profile = f.read()
        check("the backup keeps the name as the server sent it", json.loads(profile).get("display_name") == NAME,
              profile[:300])

        code, out, both = run("check", "check", "--backup", backup, "--skip-transfer")
        check("check runs", code in (0, 3), both)
        code, out, both = run("alias", "alias", "--backup", backup, "--skip-transfer")
        check("alias runs", code == 0, both)
        code, out, both = run("move", "move", "--backup", backup, "--skip-transfer", stdin=b"correct-horse\n")
        check("move runs", code == 0, both)
        time.sleep(0.5)
        code, out, both = run("watch", "watch", "--once")
        check("watch runs", code == 0 and "Followers: old account" in out, both)
        code, out, both = run("an unknown command", "\x1b]0;pwned\x07\r\u202e")
        check("an unknown command is named, made visible", code == 2 and "␛]0;pwned␇␍" in both, both)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
